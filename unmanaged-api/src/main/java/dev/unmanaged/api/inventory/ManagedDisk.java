package dev.unmanaged.api.inventory;

import java.util.Objects;

/**
 * A disk of a managed instance.
 *
 * @param targetDev      the guest device name, e.g. vda
 * @param source         where the disk lives on the host (path, volume, image name)
 * @param poolId         the storage pool it is mapped onto
 * @param diskOfferingId the disk offering it is mapped onto, null when none was required
 * @param sizeBytes      its capacity, null when unknown
 */
public record ManagedDisk(String targetDev, String source, String poolId, String diskOfferingId, Long sizeBytes) {
    public ManagedDisk {
        Objects.requireNonNull(targetDev, "targetDev");
        Objects.requireNonNull(poolId, "poolId");
    }
}
