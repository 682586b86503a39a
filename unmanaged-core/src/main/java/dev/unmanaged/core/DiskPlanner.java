package dev.unmanaged.core;

import dev.unmanaged.api.instance.DiskDescriptor;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.inventory.DiskOffering;
import dev.unmanaged.api.inventory.ManagedDisk;
import dev.unmanaged.api.inventory.StoragePool;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.Problem;
import dev.unmanaged.api.operation.ProblemCode;
import dev.unmanaged.api.spi.InventoryCatalog;
import dev.unmanaged.api.text.ByteSizes;
import dev.unmanaged.api.text.SafeText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps every disk (device {@code disk}; cdroms, floppies and LUNs are not mapped) onto a storage pool that
 * holds it and, when one is given, onto a disk offering at least its size.
 */
final class DiskPlanner {
    private final ImportRequest request;
    private final InventoryCatalog catalog;
    private final CatalogAccess access;
    private final List<Problem> problems;

    DiskPlanner(ImportRequest request, InventoryCatalog catalog, CatalogAccess access, List<Problem> problems) {
        this.request = request;
        this.catalog = catalog;
        this.access = access;
        this.problems = problems;
    }

    List<ManagedDisk> plan(InstanceDescriptor instance) {
        var planned = new ArrayList<ManagedDisk>();
        var diskTargets = new LinkedHashSet<String>();
        Map<String, String> otherDevices = new LinkedHashMap<>();
        List<DiskDescriptor> disks = instance.disks();
        for (int i = 0; i < disks.size(); i++) {
            DiskDescriptor disk = disks.get(i);
            if (!disk.isDisk()) {
                if (disk.deviceName() != null) {
                    otherDevices.put(disk.deviceName(), disk.device());
                }
                continue;
            }
            if (disk.deviceName() == null) {
                problems.add(Problem.block(ProblemCode.DISK_UNMAPPED, "disk #" + (i + 1), "disk #" + (i + 1)
                        + " (source " + SafeText.quoted(disk.source()) + ") has no device name;"
                        + " expected one to key its pool mapping"));
                continue;
            }
            diskTargets.add(disk.deviceName());
            planDisk(disk).ifPresent(planned::add);
        }
        reportUnknownKeys(diskTargets, otherDevices);
        return planned;
    }

    private Optional<ManagedDisk> planDisk(DiskDescriptor disk) {
        String target = disk.deviceName();
        String subject = "disk " + SafeText.of(target);
        String poolId = request.poolByDisk().get(target);
        String offeringId = request.diskOfferingByDisk().get(target);
        checkOffering(subject, disk, offeringId);
        if (poolId == null) {
            String hostPool = MapRules.hostPoolOf(disk).map(name -> ", in host pool " + SafeText.quoted(name))
                    .orElse("");
            problems.add(Problem.block(ProblemCode.DISK_UNMAPPED, subject, "disk " + SafeText.of(target)
                    + " (source " + SafeText.quoted(disk.source()) + hostPool + ") is mapped to no storage pool;"
                    + " expected a pool id for it"));
            return Optional.empty();
        }
        Optional<StoragePool> found = catalog.pool(poolId);
        if (found.isEmpty()) {
            problems.add(Problem.block(ProblemCode.POOL_NOT_FOUND, subject, "storage pool "
                    + SafeText.quoted(poolId) + " does not exist; expected an existing pool id"));
            return Optional.empty();
        }
        StoragePool pool = found.get();
        access.check(pool, "storage pool", subject, problems);
        PoolMembership.whyNotHeld(disk, pool).ifPresent(why ->
                problems.add(Problem.block(ProblemCode.DISK_POOL_MISMATCH, subject, why)));
        return Optional.of(new ManagedDisk(target, disk.source(), poolId, offeringId, disk.capacityBytes()));
    }

    private void checkOffering(String subject, DiskDescriptor disk, String offeringId) {
        if (offeringId == null) {
            return;
        }
        Optional<DiskOffering> found = catalog.diskOffering(offeringId);
        if (found.isEmpty()) {
            problems.add(Problem.block(ProblemCode.DISK_OFFERING_NOT_FOUND, subject, "disk offering "
                    + SafeText.quoted(offeringId) + " does not exist; expected an existing disk offering id"));
            return;
        }
        DiskOffering offering = found.get();
        access.check(offering, "disk offering", subject, problems);
        if (offering.custom()) {
            return;
        }
        Long capacity = disk.capacityBytes();
        if (capacity == null) {
            problems.add(Problem.block(ProblemCode.DISK_SIZE_UNKNOWN, subject, "the size of disk "
                    + SafeText.of(disk.deviceName()) + " is unknown, so disk offering " + SafeText.quoted(offeringId)
                    + " of " + ByteSizes.withExactBytes(offering.sizeBytes()) + " cannot be checked; expected a known size"
                    + " or a custom disk offering"));
        } else if (offering.sizeBytes() < capacity) {
            problems.add(Problem.block(ProblemCode.DISK_OFFERING_TOO_SMALL, subject, "disk "
                    + SafeText.of(disk.deviceName()) + " is " + ByteSizes.withExactBytes(capacity) + " but disk offering "
                    + SafeText.quoted(offeringId) + " has " + ByteSizes.withExactBytes(offering.sizeBytes())
                    + "; expected an offering of at least " + ByteSizes.withExactBytes(capacity)));
        }
    }

    private void reportUnknownKeys(LinkedHashSet<String> diskTargets, Map<String, String> otherDevices) {
        var mapped = new LinkedHashSet<String>(request.poolByDisk().keySet());
        mapped.addAll(request.diskOfferingByDisk().keySet());
        for (String target : mapped) {
            if (diskTargets.contains(target)) {
                continue;
            }
            String device = otherDevices.get(target);
            String found = device == null ? "the instance has no such disk"
                    : SafeText.of(target) + " is a " + SafeText.of(device) + ", and only disks are mapped";
            problems.add(Problem.block(ProblemCode.MAPPING_UNKNOWN_DEVICE, "disk " + SafeText.of(target),
                    "the request maps disk " + SafeText.quoted(target) + " but " + found + "; expected one of "
                            + diskTargets));
        }
    }
}
