package dev.unmanaged.api.instance;

import dev.unmanaged.api.internal.Copies;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Guest OS and firmware settings.
 *
 * @param type       OS type, e.g. {@code hvm}; null when not set
 * @param arch       guest architecture, e.g. {@code x86_64}; null when not set
 * @param machine    machine type, e.g. {@code pc-q35-7.2}; null when not set
 * @param firmware   BIOS or EFI; null when the definition does not say
 * @param secureBoot true or false when the definition says, null otherwise
 * @param bootOrder  boot devices in order ({@code hd}, {@code cdrom}, {@code network}, …); never null
 */
public record OsDescriptor(@Nullable String type, @Nullable String arch, @Nullable String machine,
                           @Nullable Firmware firmware, @Nullable Boolean secureBoot,
                           List<String> bootOrder) {
    public OsDescriptor {
        bootOrder = Copies.list(bootOrder);
    }

    /** Nothing known about the OS. */
    public static final OsDescriptor UNKNOWN = new OsDescriptor(null, null, null, null, null, List.of());
}
