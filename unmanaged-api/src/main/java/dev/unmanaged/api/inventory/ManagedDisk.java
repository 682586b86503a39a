package dev.unmanaged.api.inventory;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A disk of a managed instance.
 *
 * @param deviceName     the disk's device as the hypervisor names its slot, e.g. {@code vda} or {@code scsi0:1}
 * @param source         where the disk lives on the host (path, volume, image name)
 * @param poolId         the storage pool it is mapped onto
 * @param diskOfferingId the disk offering it is mapped onto, null when none was required
 * @param sizeBytes      its capacity, null when unknown
 */
public record ManagedDisk(String deviceName, String source, String poolId, @Nullable String diskOfferingId,
                          @Nullable Long sizeBytes) {
    public ManagedDisk {
        Objects.requireNonNull(deviceName, "deviceName");
        Objects.requireNonNull(poolId, "poolId");
    }
}
