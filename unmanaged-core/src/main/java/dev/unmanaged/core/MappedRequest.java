package dev.unmanaged.core;

import dev.unmanaged.api.instance.DiskDescriptor;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.NicDescriptor;
import dev.unmanaged.api.inventory.ComputeOffering;
import dev.unmanaged.api.inventory.StoragePool;
import dev.unmanaged.api.mapping.ImportMap;
import dev.unmanaged.api.mapping.IpPolicy;
import dev.unmanaged.api.mapping.NetworkRule;
import dev.unmanaged.api.mapping.StorageRule;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.IpAssignment;
import dev.unmanaged.api.operation.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * A request completed by a map for one instance: every NIC, disk and the offering the request leaves open is
 * filled in from the map's first matching rule; what the request names itself is kept.
 *
 * @param request  the completed request
 * @param problems why the map could not fill something in (no offering fits); the planner reports the rest
 */
record MappedRequest(ImportRequest request, List<Problem> problems) {

    static MappedRequest of(ImportMap map, ImportRequest request, InstanceDescriptor instance,
                            List<ComputeOffering> offerings, List<StoragePool> pools) {
        var networkByMac = new LinkedHashMap<>(request.networkByMac());
        var ipByMac = new LinkedHashMap<>(request.ipByMac());
        for (NicDescriptor nic : instance.nics()) {
            if (nic.mac() == null || networkByMac.containsKey(nic.mac())) {
                continue;
            }
            Optional<NetworkRule> rule = MapRules.firstFor(map.networks(), nic);
            if (rule.isPresent()) {
                networkByMac.put(nic.mac(), rule.get().networkId());
                IpPolicy ip = rule.get().ip() == null ? map.networks().defaultIp() : rule.get().ip();
                if (ip == IpPolicy.AUTO) {
                    ipByMac.putIfAbsent(nic.mac(), IpAssignment.auto());
                } else if (ip == IpPolicy.CURRENT) {
                    ipByMac.putIfAbsent(nic.mac(), IpAssignment.current());
                }
            }
        }
        var poolByDisk = new LinkedHashMap<>(request.poolByDisk());
        List<Problem> problems = new ArrayList<>();
        for (DiskDescriptor disk : instance.disks()) {
            if (disk.isDisk() && disk.deviceName() != null && !poolByDisk.containsKey(disk.deviceName())) {
                Optional<String> poolId = MapRules.firstFor(map.storage(), disk).map(StorageRule::poolId);
                if (poolId.isEmpty() && map.storage().byHostPool()) {
                    // A disk in no catalog pool's host pool stays unmapped; the plan names its host pool.
                    poolId = HostPools.poolOf(disk, pools).map(StoragePool::id);
                }
                poolId.ifPresent(id -> poolByDisk.put(disk.deviceName(), id));
            }
        }
        String offeringId = request.offeringId();
        if (offeringId == null) {
            OfferingChoice.Choice choice = OfferingChoice.choose(map.offering(), instance, offerings,
                    request.ownerId());
            offeringId = choice.offeringId();
            if (choice.problem() != null) {
                problems.add(choice.problem());
            }
        }
        return new MappedRequest(new ImportRequest(request.host(), request.instance(), request.ownerId(),
                request.displayName(), offeringId, request.cpus(), request.memoryBytes(), request.templateId(),
                networkByMac, ipByMac, poolByDisk, request.diskOfferingByDisk(), request.options()), problems);
    }
}
