package dev.unmanaged.core;

import dev.unmanaged.api.inventory.ManagedDisk;
import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.inventory.ManagedNic;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.IpAssignment;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides whether an existing record is what a request would have written, so that a retry after a success
 * (say, when the answer was lost) is reported as done rather than as a conflict. Automatic addresses match any
 * address, the guest's current one matches the address the guest uses now, and when MACs may be regenerated a recorded locally-administered MAC matches the instance's.
 */
final class SameImport {
    private SameImport() {
    }

    static boolean matches(ImportRequest request, PlannedImport planned, ManagedInstance existing) {
        ManagedInstance proposed = planned.plan().proposed();
        if (proposed == null) {
            return false;
        }
        return existing.uuid().equals(proposed.uuid())
                && existing.host().id().equals(request.host().id())
                && Objects.equals(existing.ownerId(), request.ownerId())
                && Objects.equals(existing.offeringId(), request.offeringId())
                && Objects.equals(existing.templateId(), request.templateId())
                && existing.displayName().equals(proposed.displayName())
                && existing.vcpus() == proposed.vcpus()
                && existing.memoryBytes() == proposed.memoryBytes()
                && sameNics(request, planned.nics(), existing)
                && sameDisks(proposed, existing);
    }

    /** NICs are recorded in the instance's order, so the planned and the recorded ones pair up by position. */
    private static boolean sameNics(ImportRequest request, List<PlannedNic> planned, ManagedInstance existing) {
        if (existing.nics().size() != planned.size()) {
            return false;
        }
        for (int i = 0; i < planned.size(); i++) {
            PlannedNic wanted = planned.get(i);
            ManagedNic nic = existing.nics().get(i);
            boolean sameMac = nic.mac().equals(wanted.instanceMac())
                    || request.options().regenerateCollidingMacs() && LocallyAdministeredMacs.isLocallyAdministeredUnicast(nic.mac());
            IpAssignment ip = wanted.ip();
            boolean sameIp = ip == null ? nic.ipAddress() == null
                    : ip instanceof IpAssignment.Fixed fixed ? fixed.address().equals(nic.ipAddress())
                    : ip instanceof IpAssignment.Current ? Objects.equals(wanted.plannedIp(), nic.ipAddress())
                    : nic.ipAddress() != null;
            if (!sameMac || !nic.networkId().equals(wanted.networkId()) || !sameIp) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameDisks(ManagedInstance proposed, ManagedInstance existing) {
        Map<String, ManagedDisk> wanted = byTarget(proposed);
        Map<String, ManagedDisk> have = byTarget(existing);
        if (!wanted.keySet().equals(have.keySet())) {
            return false;
        }
        return wanted.values().stream().allMatch(disk -> {
            ManagedDisk other = have.get(disk.deviceName());
            return disk.poolId().equals(other.poolId())
                    && Objects.equals(disk.diskOfferingId(), other.diskOfferingId());
        });
    }

    private static Map<String, ManagedDisk> byTarget(ManagedInstance instance) {
        return instance.disks().stream()
                .collect(Collectors.toMap(ManagedDisk::deviceName, Function.identity(), (a, b) -> a));
    }
}
