package dev.unmanaged.api.instance;

import org.jspecify.annotations.Nullable;

/**
 * The firmware files and device state an instance keeps on its host besides its disks.
 *
 * @param loader        the firmware image it boots (KVM's {@code <loader>}, e.g. an OVMF code file); null when the
 *                      definition names none
 * @param nvram         the file holding its UEFI variables (KVM's {@code <nvram>}); null when it has none
 * @param nvramTemplate the file its variable store was first copied from; null when not named
 * @param tpm           its TPM; null when it has none
 */
public record FirmwareState(@Nullable String loader, @Nullable String nvram, @Nullable String nvramTemplate,
                            @Nullable TpmDescriptor tpm) {
    /** No firmware file, no TPM. */
    public static final FirmwareState NONE = new FirmwareState(null, null, null, null);

    /** True when the instance keeps state of its own besides its disks: a variable store or an emulated TPM. */
    public boolean holdsState() {
        return nvram != null || (tpm != null && tpm.emulated());
    }
}
