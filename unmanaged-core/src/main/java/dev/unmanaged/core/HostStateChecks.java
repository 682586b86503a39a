package dev.unmanaged.core;

import dev.unmanaged.api.instance.BackingLayer;
import dev.unmanaged.api.instance.DiskDescriptor;
import dev.unmanaged.api.instance.DiskUser;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.NicDescriptor;
import dev.unmanaged.api.instance.Snapshots;
import dev.unmanaged.api.inventory.StoragePool;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.Problem;
import dev.unmanaged.api.operation.ProblemCode;
import dev.unmanaged.api.spi.InventoryCatalog;
import dev.unmanaged.api.text.SafeText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the host keeps about an instance beyond its definition that an import would leave the orchestrator unaware
 * of: backing files, snapshots, disks another instance uses, host devices, block jobs in flight. Each finding is
 * a problem with its own stable code, all of them reported at once:
 * <ul>
 *   <li>{@link ProblemCode#DISK_BACKING_CHAIN} (warning): a disk reads from backing files, listed in the message;</li>
 *   <li>{@link ProblemCode#DISK_BACKING_UNMAPPED} (blocking): a backing file lies in no pool the request maps a
 *       disk onto, so the inventory would not know it exists;</li>
 *   <li>{@link ProblemCode#INSTANCE_HAS_SNAPSHOTS} (warning): snapshots or checkpoints, named in the message;</li>
 *   <li>{@link ProblemCode#DISK_SHARED}: another instance of the host uses the disk's source; blocking, or a
 *       warning when both declare the disk shareable;</li>
 *   <li>{@link ProblemCode#HOST_DEVICE_ATTACHED} (warning): host devices (or NICs) are passed through;</li>
 *   <li>{@link ProblemCode#BLOCK_JOB_ACTIVE} (blocking): a block job is running on a disk.</li>
 * </ul>
 * Details a provider did not read (snapshots null, say) are not guessed at.
 */
final class HostStateChecks {
    private final ImportRequest request;
    private final InventoryCatalog catalog;
    private final List<Problem> problems;

    HostStateChecks(ImportRequest request, InventoryCatalog catalog, List<Problem> problems) {
        this.request = request;
        this.catalog = catalog;
        this.problems = problems;
    }

    void check(InstanceDescriptor instance) {
        List<StoragePool> mappedPools = mappedPools();
        for (DiskDescriptor disk : instance.disks()) {
            if (!disk.isDisk()) {
                continue;
            }
            String subject = "disk " + SafeText.of(disk.deviceName() == null ? disk.source() : disk.deviceName());
            checkChain(subject, disk, mappedPools);
            checkSharing(subject, disk);
            if (disk.blockJob() != null) {
                problems.add(Problem.block(ProblemCode.BLOCK_JOB_ACTIVE, subject, "a " + SafeText.of(disk.blockJob().type())
                        + " block job is running on " + subject + " (" + disk.blockJob().cursor() + " of "
                        + disk.blockJob().end() + " bytes); expected no block job: wait for it to finish or abort it"
                        + " (virsh blockjob --abort) before importing"));
            }
        }
        checkSnapshots(instance.snapshots());
        checkHostDevices(instance);
    }

    /** The pools the request maps disks onto that exist. */
    private List<StoragePool> mappedPools() {
        List<StoragePool> pools = new ArrayList<>();
        for (String poolId : new LinkedHashSet<>(request.poolByDisk().values())) {
            catalog.pool(poolId).ifPresent(pools::add);
        }
        return pools;
    }

    private void checkChain(String subject, DiskDescriptor disk, List<StoragePool> mappedPools) {
        List<BackingLayer> chain = disk.backingChain();
        if (chain.isEmpty()) {
            return;
        }
        String layers = chain.stream().map(HostStateChecks::describe).collect(Collectors.joining(" <- "));
        problems.add(Problem.warn(ProblemCode.DISK_BACKING_CHAIN, subject, subject + " ("
                + SafeText.quoted(disk.source()) + ") reads from " + chain.size() + " backing file"
                + (chain.size() == 1 ? "" : "s") + ": " + layers + "; the orchestrator must keep them where they are"
                + " for as long as the disk uses them"));
        for (BackingLayer layer : chain) {
            if (mappedPools.stream().noneMatch(pool -> holds(pool, layer, disk))) {
                problems.add(Problem.block(ProblemCode.DISK_BACKING_UNMAPPED, subject, "backing file "
                        + SafeText.quoted(layer.source()) + " of " + subject + " lies in no storage pool the request"
                        + " maps a disk onto " + mappedPools.stream().map(StoragePool::id).toList()
                        + ", so the inventory would not know it exists; expected a pool mapping that holds it (or"
                        + " the disk flattened with virsh blockpull first)"));
            }
        }
    }

    private static boolean holds(StoragePool pool, BackingLayer layer, DiskDescriptor disk) {
        if (layer.source() == null) {
            return false;
        }
        if (layer.hostPool() != null && layer.hostPool().equals(pool.hostPoolName())) {
            return true;
        }
        DiskDescriptor asDisk = DiskDescriptor.builder().type(layer.type()).source(layer.source())
                .deviceName(disk.deviceName()).build();
        return PoolMembership.whyNotHeld(asDisk, pool).isEmpty();
    }

    private static String describe(BackingLayer layer) {
        return SafeText.quoted(layer.source()) + (layer.format() == null ? "" : " (" + SafeText.of(layer.format()) + ")");
    }

    private void checkSharing(String subject, DiskDescriptor disk) {
        List<DiskUser> users = disk.sharedWith();
        if (users.isEmpty()) {
            return;
        }
        String others = users.stream().map(user -> SafeText.quoted(user.instanceName())
                + (user.shareable() ? " (shareable)" : " (not shareable)")).collect(Collectors.joining(", "));
        String found = subject + " (" + SafeText.quoted(disk.source()) + ") is also used by " + others + " on the host";
        if (disk.sharedUnsafely()) {
            problems.add(Problem.block(ProblemCode.DISK_SHARED, subject, found + (disk.shareable() ? ""
                    : "; this instance does not declare it shareable") + "; expected a disk no other instance"
                    + " uses, or one every instance declares <shareable/>"));
        } else {
            problems.add(Problem.warn(ProblemCode.DISK_SHARED, subject, found + "; every instance declares it"
                    + " shareable, so the orchestrator must never move, resize or delete it for one of them alone"));
        }
    }

    private void checkSnapshots(Snapshots snapshots) {
        if (snapshots == null || snapshots.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        if (!snapshots.snapshots().isEmpty()) {
            parts.add(snapshots.snapshots().size() + " snapshot" + (snapshots.snapshots().size() == 1 ? "" : "s") + " "
                    + snapshots.snapshots().stream().map(s -> SafeText.quoted(s.name()) + " ("
                    + s.kind().name().toLowerCase(Locale.ROOT) + (s.current() ? ", current" : "") + ")")
                    .collect(Collectors.joining(", ")));
        }
        if (!snapshots.checkpoints().isEmpty()) {
            parts.add(snapshots.checkpoints().size() + " checkpoint" + (snapshots.checkpoints().size() == 1 ? "" : "s")
                    + " " + snapshots.checkpoints().stream().map(SafeText::quoted).collect(Collectors.joining(", ")));
        }
        problems.add(Problem.warn(ProblemCode.INSTANCE_HAS_SNAPSHOTS, "instance", "the instance has "
                + String.join(" and ", parts) + " on its host, which the orchestrator does not know; reverting to one"
                + " behind its back changes the disks it manages"));
    }

    private void checkHostDevices(InstanceDescriptor instance) {
        List<String> devices = new ArrayList<>();
        instance.hostDevices().forEach(device -> devices.add(SafeText.of(device.type()) + " "
                + SafeText.of(device.address().isEmpty() ? "(no address)" : device.address())));
        instance.nics().stream().filter(nic -> "hostdev".equals(nic.type())).map(NicDescriptor::source)
                .forEach(source -> devices.add("NIC " + SafeText.of(Optional.ofNullable(source).orElse("(no address)"))));
        if (!devices.isEmpty()) {
            problems.add(Problem.warn(ProblemCode.HOST_DEVICE_ATTACHED, "instance", "host devices are passed through: "
                    + String.join(", ", devices) + "; the instance can only run on a host that has them"));
        }
    }
}
