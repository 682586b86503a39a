package dev.unmanaged.api.instance;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A TPM of an instance.
 *
 * @param model     the device model, e.g. {@code tpm-crb} or {@code tpm-tis}; null when not set
 * @param backend   {@code emulator} (a software TPM whose state the host keeps on disk), {@code passthrough}
 *                  (the host's own TPM) or what the hypervisor calls it
 * @param version   the TPM version, e.g. {@code 2.0}; null when not set
 * @param statePath where its state lies on the host when the definition names it (an emulator's state directory
 *                  or file, a passed-through device); null otherwise (libvirt then keeps an emulator's state under
 *                  its own directory, e.g. {@code /var/lib/libvirt/swtpm/<uuid>})
 */
public record TpmDescriptor(@Nullable String model, String backend, @Nullable String version,
                            @Nullable String statePath) {
    public TpmDescriptor {
        Objects.requireNonNull(backend, "backend");
    }

    /** True for a software TPM: its state is a file on the host that belongs to the instance. */
    public boolean emulated() {
        return "emulator".equals(backend);
    }
}
