package dev.unmanaged.core;

import dev.unmanaged.api.instance.DiskDescriptor;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.inventory.StoragePool;
import dev.unmanaged.api.mapping.StorageMap;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Maps disks onto the catalog pools of the host pools they lie in: the disk's host pool (a KVM storage pool, a
 * vSphere datastore) is compared with each catalog pool's {@link StoragePool#hostPoolName()}. This is what
 * {@link StorageMap#byHostPool()} and the tool's {@code --pool auto} do; callers that build requests themselves
 * use {@link #poolByDisk}.
 */
public final class HostPools {
    private HostPools() {
    }

    /**
     * The catalog pool of each disk (device {@code disk} with a device name) of {@code instance} that lies in a host
     * pool some pool of {@code pools} names, by device name, in definition order. Disks in no such pool are left
     * out (an import plan then reports them unmapped, naming their host pool).
     */
    public static Map<String, String> poolByDisk(InstanceDescriptor instance, Collection<StoragePool> pools) {
        Map<String, String> mapped = new LinkedHashMap<>();
        for (DiskDescriptor disk : instance.disks()) {
            if (disk.isDisk() && disk.deviceName() != null) {
                poolOf(disk, pools).ifPresent(pool -> mapped.put(disk.deviceName(), pool.id()));
            }
        }
        return mapped;
    }

    /** The catalog pool whose host pool name is the host pool {@code disk} lies in, if one is. */
    public static Optional<StoragePool> poolOf(DiskDescriptor disk, Collection<StoragePool> pools) {
        Optional<String> hostPool = MapRules.hostPoolOf(disk);
        return hostPool.flatMap(name -> pools.stream().filter(pool -> name.equals(pool.hostPoolName())).findFirst());
    }
}
