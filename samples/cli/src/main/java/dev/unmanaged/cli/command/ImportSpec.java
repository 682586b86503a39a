package dev.unmanaged.cli.command;

import dev.unmanaged.api.error.UnmanagedException;
import dev.unmanaged.api.instance.DiskDescriptor;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.NicDescriptor;
import dev.unmanaged.api.inventory.StoragePool;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.IpAssignment;
import dev.unmanaged.core.HostPools;
import dev.unmanaged.core.UnmanagedInstances;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One import as the command line or a plan file states it. Unlike an {@link ImportRequest}, a mapping may name a
 * value for every NIC or disk; the instance's devices are read from its host to spell those out.
 *
 * @param host           the host
 * @param instance       the instance's name or UUID
 * @param owner          owner id
 * @param offering       compute offering id
 * @param displayName    display name, null to keep the name
 * @param cpus           vCPUs for a custom offering, null for the instance's
 * @param memoryBytes    memory for a custom offering, null for the instance's
 * @param template       template id, null for none
 * @param networks       NIC to network
 * @param ips            NIC to IP address or auto
 * @param pools          disk to storage pool; {@code auto} for every disk not named maps it onto the catalog pool
 *                       of the host pool it lies in
 * @param diskOfferings  disk to disk offering
 * @param regenerateMacs record fresh MACs for NICs whose MAC is in use
 * @param dryRun         plan only
 */
record ImportSpec(Host host, String instance, String owner, String offering, String displayName, Integer cpus,
                  Long memoryBytes, String template, Mapping networks, Mapping ips, Mapping pools,
                  Mapping diskOfferings, boolean regenerateMacs, boolean dryRun) {

    /** The value of {@code --pool} that maps every disk not named by the host pool it lies in. */
    static final String POOL_AUTO = "auto";

    /**
     * The request. When a mapping names a value for every device, the instance is described first; if that fails
     * and {@code lenient} is set, only the named devices are mapped and the import itself reports the failure.
     * With {@code --pool auto}, each disk not named goes onto the pool of {@code catalogPools} whose host pool it
     * lies in (see {@link HostPools}); a disk in none stays unmapped, and the plan says which host pool it is in.
     */
    ImportRequest toRequest(UnmanagedInstances instances, Supplier<List<StoragePool>> catalogPools,
                            boolean lenient) {
        ImportRequest.Builder builder = ImportRequest.builder(host, instance)
                .owner(owner)
                .offering(offering)
                .displayName(displayName)
                .custom(cpus, memoryBytes)
                .template(template)
                .dryRun(dryRun)
                .regenerateCollidingMacs(regenerateMacs);
        networks.byDevice().forEach(builder::network);
        ips.byDevice().forEach((mac, ip) -> builder.ip(mac, IpAssignment.parse(ip)));
        pools.byDevice().forEach(builder::pool);
        diskOfferings.byDevice().forEach(builder::diskOffering);
        if (networks.needsDevices() || ips.needsDevices() || pools.needsDevices() || diskOfferings.needsDevices()) {
            InstanceDescriptor descriptor;
            try {
                descriptor = instances.describe(host, instance);
            } catch (UnmanagedException e) {
                if (!lenient) {
                    throw e;
                }
                return builder.build();
            }
            for (NicDescriptor nic : descriptor.nics()) {
                if (nic.mac() == null) {
                    continue;
                }
                fill(networks, nic.mac(), builder::network);
                fill(ips, nic.mac(), (mac, ip) -> builder.ip(mac, IpAssignment.parse(ip)));
            }
            boolean poolsByHostPool = POOL_AUTO.equalsIgnoreCase(pools.forAll());
            Map<String, String> byHostPool = poolsByHostPool ? HostPools.poolByDisk(descriptor, catalogPools.get())
                    : Map.of();
            for (DiskDescriptor disk : descriptor.disks()) {
                if (disk.isDisk() && disk.deviceName() != null) {
                    if (poolsByHostPool) {
                        String pool = byHostPool.get(disk.deviceName());
                        if (pool != null && !containsIgnoringCase(pools.byDevice(), disk.deviceName())) {
                            builder.pool(disk.deviceName(), pool);
                        }
                    } else {
                        fill(pools, disk.deviceName(), builder::pool);
                    }
                    fill(diskOfferings, disk.deviceName(), builder::diskOffering);
                }
            }
        }
        return builder.build();
    }

    private static void fill(Mapping mapping, String device, java.util.function.BiConsumer<String, String> put) {
        if (mapping.forAll() != null && !containsIgnoringCase(mapping.byDevice(), device)) {
            put.accept(device, mapping.forAll());
        }
    }

    private static boolean containsIgnoringCase(Map<String, String> map, String key) {
        return map.keySet().stream().anyMatch(k -> k.toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT)));
    }
}
