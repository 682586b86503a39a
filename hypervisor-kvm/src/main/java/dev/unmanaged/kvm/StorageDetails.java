package dev.unmanaged.kvm;

import dev.unmanaged.api.instance.BackingLayer;
import dev.unmanaged.api.instance.BlockJob;
import dev.unmanaged.api.instance.DescriptorWarning;
import dev.unmanaged.api.instance.DiskDescriptor;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.SnapshotDescriptor;
import dev.unmanaged.api.instance.SnapshotKind;
import dev.unmanaged.api.instance.Snapshots;
import dev.unmanaged.api.instance.WarningCodes;
import dev.unmanaged.api.text.SafeText;
import dev.unmanaged.kvm.BackingChains.Volume;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainBlockJobInfo;
import org.libvirt.DomainSnapshot;
import org.libvirt.LibvirtException;

/**
 * What the host keeps about a domain's storage beyond its definition, read with calls of the domain's own (so a
 * listing reads it only when asked, and describe always): its snapshots and checkpoints, each disk's host
 * storage pool (a volume lookup by path), the backing chain of a shut-off domain's disks (from the volumes, see
 * {@link BackingChains}), and the block job running on each disk of an active domain. A detail that cannot be
 * read becomes a warning on the instance.
 */
final class StorageDetails {
    /** {@code VIR_DOMAIN_SNAPSHOT_LIST_INTERNAL} and {@code _EXTERNAL}: filters of libvirt's snapshot listing. */
    private static final int SNAPSHOTS_INTERNAL = 1 << 8;
    private static final int SNAPSHOTS_EXTERNAL = 1 << 9;
    private static final String SNAPSHOT_NAME = "domainsnapshot/name";
    /** libvirt's {@code virDomainBlockJobType} values, by number. */
    private static final List<String> BLOCK_JOB_TYPES = List.of("unknown", "pull", "copy", "commit",
            "active-commit", "backup");
    private static final Set<String> LOCAL_SOURCES = Set.of("file", "block");

    private StorageDetails() {
    }

    /**
     * {@code described} with its snapshots, and its disks with their pools, chains and block jobs.
     *
     * @throws LibvirtException only when the connection was lost
     * @throws DomainVanished   when the domain went away meanwhile
     */
    static InstanceDescriptor read(Connect connect, Domain domain, InstanceDescriptor described, boolean active,
                                   List<DescriptorWarning> warnings) throws LibvirtException, DomainVanished {
        Snapshots snapshots = snapshots(connect, domain, warnings);
        List<DiskDescriptor> disks = new ArrayList<>(described.disks().size());
        for (DiskDescriptor disk : described.disks()) {
            disks.add(disk.isDisk() && disk.source() != null ? disk(connect, domain, disk, active, warnings) : disk);
        }
        return described.toBuilder().snapshots(snapshots).disks(disks).build();
    }

    private static Snapshots snapshots(Connect connect, Domain domain, List<DescriptorWarning> warnings)
            throws LibvirtException, DomainVanished {
        try {
            String current = domain.hasCurrentSnapshot() == 1 ? currentSnapshot(domain) : null;
            List<SnapshotDescriptor> all = new ArrayList<>();
            for (String name : domain.snapshotListNames(SNAPSHOTS_INTERNAL)) {
                all.add(new SnapshotDescriptor(name, SnapshotKind.INTERNAL, name.equals(current)));
            }
            for (String name : domain.snapshotListNames(SNAPSHOTS_EXTERNAL)) {
                all.add(new SnapshotDescriptor(name, SnapshotKind.EXTERNAL, name.equals(current)));
            }
            all.sort(Comparator.comparing(SnapshotDescriptor::name));
            return new Snapshots(all, checkpoints(connect, domain));
        } catch (LibvirtException e) {
            warnings.add(DescriptorWarning.info(WarningCodes.DETAIL_UNAVAILABLE, "snapshots could not be read: "
                    + LibvirtErrors.libvirtMessage(DomainDescriber.rethrowIfFatal(e, connect))));
            return null;
        }
    }

    /** The current snapshot's name; libvirt-java's snapshot handle has no name of its own, its XML does. */
    private static String currentSnapshot(Domain domain) throws LibvirtException {
        DomainSnapshot snapshot = domain.snapshotCurrent();
        try {
            return XmlPaths.read(snapshot.getXMLDesc(0), Set.of(SNAPSHOT_NAME)).get(SNAPSHOT_NAME);
        } finally {
            snapshot.free();
        }
    }

    /** Checkpoint names, sorted; none where the driver has no checkpoints. */
    private static List<String> checkpoints(Connect connect, Domain domain) throws LibvirtException, DomainVanished {
        try {
            return Arrays.stream(domain.checkpointListNames(0)).sorted().toList();
        } catch (LibvirtException e) {
            if (LibvirtErrors.isUnsupported(DomainDescriber.rethrowIfFatal(e, connect))) {
                return List.of();
            }
            throw e;
        }
    }

    private static DiskDescriptor disk(Connect connect, Domain domain, DiskDescriptor disk, boolean active,
                                       List<DescriptorWarning> warnings) throws LibvirtException, DomainVanished {
        DiskDescriptor.Builder read = disk.toBuilder();
        if ("volume".equals(disk.type())) {
            int slash = disk.source().indexOf('/');
            read.hostPool(slash > 0 ? disk.source().substring(0, slash) : null);
        } else if (LOCAL_SOURCES.contains(disk.type())) {
            boolean chainFromVolumes = !active && disk.backingChain().isEmpty()
                    && BackingChains.mayHaveBacking(disk.driverType());
            try {
                Volume volume = BackingChains.volumeAt(connect, disk.source(), chainFromVolumes);
                read.hostPool(volume == null ? null : volume.pool());
                if (chainFromVolumes && volume == null) {
                    warnings.add(BackingChains.unreadable(disk, "its image lies in no storage pool of the host,"
                            + " and libvirt opens the chain of a shut-off domain only through its pools"));
                } else if (chainFromVolumes) {
                    read.backingChain(BackingChains.fromVolumes(connect, disk, volume, warnings));
                } else {
                    read.backingChain(withPools(connect, disk.backingChain()));
                }
            } catch (LibvirtException e) {
                warnings.add(DescriptorWarning.info(WarningCodes.DETAIL_UNAVAILABLE, "the storage pool of disk "
                        + SafeText.of(disk.deviceName()) + " could not be read: "
                        + LibvirtErrors.libvirtMessage(DomainDescriber.rethrowIfFatal(e, connect))));
            }
        }
        if (active && disk.deviceName() != null) {
            read.blockJob(blockJob(connect, domain, disk, warnings));
        }
        return read.build();
    }

    /** The layers with the pools that hold them; a layer in no pool keeps a null pool. */
    private static List<BackingLayer> withPools(Connect connect, List<BackingLayer> chain) throws LibvirtException {
        List<BackingLayer> pooled = new ArrayList<>(chain.size());
        for (BackingLayer layer : chain) {
            Volume volume = layer.source() != null && LOCAL_SOURCES.contains(layer.type())
                    ? BackingChains.volumeAt(connect, layer.source(), false) : null;
            pooled.add(volume == null ? layer : layer.inHostPool(volume.pool()));
        }
        return pooled;
    }

    private static BlockJob blockJob(Connect connect, Domain domain, DiskDescriptor disk,
                                     List<DescriptorWarning> warnings) throws LibvirtException, DomainVanished {
        try {
            DomainBlockJobInfo info = domain.getBlockJobInfo(disk.deviceName(), 0);
            // libvirt returns a zeroed record when no job runs; a job always has a type.
            if (info.type <= 0 && info.end == 0) {
                return null;
            }
            String type = info.type > 0 && info.type < BLOCK_JOB_TYPES.size() ? BLOCK_JOB_TYPES.get(info.type)
                    : "unknown";
            return new BlockJob(type, Math.max(0, info.cur), Math.max(0, info.end));
        } catch (LibvirtException e) {
            if (LibvirtErrors.isUnsupported(DomainDescriber.rethrowIfFatal(e, connect))) {
                return null; // a driver without block jobs (libvirt's test driver) runs none
            }
            warnings.add(DescriptorWarning.info(WarningCodes.DETAIL_UNAVAILABLE, "the block job of disk "
                    + SafeText.of(disk.deviceName()) + " could not be read: "
                    + LibvirtErrors.libvirtMessage(DomainDescriber.rethrowIfFatal(e, connect))));
            return null;
        }
    }
}
