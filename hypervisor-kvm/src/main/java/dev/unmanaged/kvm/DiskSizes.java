package dev.unmanaged.kvm;

import dev.unmanaged.api.instance.DescriptorWarning;
import dev.unmanaged.api.instance.DiskDescriptor;
import dev.unmanaged.api.instance.WarningCodes;
import dev.unmanaged.kvm.AllDomainStats.BlockSizes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainBlockInfo;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;
import org.libvirt.StorageVolInfo;

/**
 * Fills in disks' capacity and allocation. Sizes a listing already has from libvirt's bulk stats
 * ({@link AllDomainStats}; for running and shut-off domains alike, what the image takes on the host) are taken as
 * they are. For any other disk the storage volume libvirt manages for the source is asked
 * (by path, or by pool and volume name; libvirt refreshes a volume's sizes on every call), so that running and
 * shut-off domains are measured alike. Without a volume, libvirt's block info measures the disk: for a running
 * domain as the hypervisor sees it, for an inactive one by opening the image from the host, which only works
 * for local files and block devices. A disk whose size cannot be read is kept without sizes and gets a
 * {@link WarningCodes#DISK_SIZE_UNKNOWN} warning; an empty drive (no source) has no size and gets none.
 */
final class DiskSizes {
    private static final Set<String> LOCAL_SOURCES = Set.of("file", "block");

    private DiskSizes() {
    }

    /**
     * Sizes of {@code disks}, from {@code reported} (the bulk stats of the domain, may be empty) where they are
     * there and with calls of their own otherwise; the warnings for disks without sizes go to {@code warnings}.
     */
    static List<DiskDescriptor> measure(Connect connect, Domain domain, boolean active, List<DiskDescriptor> disks,
                                        List<BlockSizes> reported, List<DescriptorWarning> warnings)
            throws LibvirtException, DomainVanished {
        List<DiskDescriptor> measured = new ArrayList<>(disks.size());
        for (DiskDescriptor disk : disks) {
            if (disk.source() == null) {
                measured.add(disk);
                continue;
            }
            BlockSizes bulk = reportedFor(disk, reported);
            if (bulk != null && bulk.capacity() != null && bulk.hostAllocation(active) != null) {
                measured.add(disk.withSizes(bulk.capacity(), bulk.hostAllocation(active)));
                continue;
            }
            Failures failures = new Failures();
            boolean measurable = active || LOCAL_SOURCES.contains(disk.type());
            long[] sizes = first(volumeInfo(connect, disk, failures),
                    () -> measurable ? blockInfo(connect, domain, disk, failures) : null);
            if (sizes == null) {
                warnings.add(DescriptorWarning.info(WarningCodes.DISK_SIZE_UNKNOWN, "disk "
                        + label(disk) + ": capacity and allocation could not be read (" + failures.describe() + ")"));
                measured.add(disk);
            } else {
                measured.add(disk.withSizes(sizes[0], sizes[1]));
            }
        }
        return measured;
    }

    /** The entry of the bulk stats for {@code disk}: same target device, else same source path; null if none. */
    private static BlockSizes reportedFor(DiskDescriptor disk, List<BlockSizes> reported) {
        for (BlockSizes block : reported) {
            boolean same = disk.deviceName() != null ? disk.deviceName().equals(block.name())
                    : disk.source().equals(block.path());
            if (same) {
                return block;
            }
        }
        return null;
    }

    @FunctionalInterface
    private interface Measure {
        long[] get() throws LibvirtException, DomainVanished;
    }

    private static long[] first(long[] found, Measure fallback) throws LibvirtException, DomainVanished {
        return found != null ? found : fallback.get();
    }

    private static long[] blockInfo(Connect connect, Domain domain, DiskDescriptor disk, Failures failures)
            throws LibvirtException, DomainVanished {
        String device = disk.deviceName() != null ? disk.deviceName() : disk.source();
        try {
            DomainBlockInfo info = domain.blockInfo(device);
            return new long[] {info.getCapacity(), info.getAllocation()};
        } catch (LibvirtException e) {
            failures.add("block info", DomainDescriber.rethrowIfFatal(e, connect));
            return null;
        }
    }

    private static long[] volumeInfo(Connect connect, DiskDescriptor disk, Failures failures)
            throws LibvirtException {
        StorageVol volume = null;
        StoragePool pool = null;
        try {
            if ("volume".equals(disk.type())) {
                int slash = disk.source().indexOf('/');
                if (slash <= 0) {
                    failures.add("storage volume", "source '" + disk.source() + "' is not pool/volume");
                    return null;
                }
                pool = connect.storagePoolLookupByName(disk.source().substring(0, slash));
                volume = pool.storageVolLookupByName(disk.source().substring(slash + 1));
            } else if (LOCAL_SOURCES.contains(disk.type())) {
                volume = connect.storageVolLookupByPath(disk.source());
            } else {
                failures.add("storage volume", disk.type() + " disks have none");
                return null;
            }
            StorageVolInfo info = volume.getInfo();
            return new long[] {info.capacity, info.allocation};
        } catch (LibvirtException e) {
            if (LibvirtErrors.isConnectionLost(e, connect)) {
                throw e;
            }
            failures.add("storage volume", e);
            return null;
        } finally {
            free(volume);
            free(pool);
        }
    }

    private static String label(DiskDescriptor disk) {
        return (disk.deviceName() == null ? "(no target)" : disk.deviceName()) + " (" + disk.source() + ")";
    }

    static void free(StorageVol volume) {
        if (volume != null) {
            try {
                volume.free();
            } catch (LibvirtException ignored) {
                // Freeing only drops our reference; nothing to report.
            }
        }
    }

    static void free(StoragePool pool) {
        if (pool != null) {
            try {
                pool.free();
            } catch (LibvirtException ignored) {
                // Freeing only drops our reference; nothing to report.
            }
        }
    }

    /** Why each way of measuring a disk failed, for the warning. */
    private static final class Failures {
        private final List<String> reasons = new ArrayList<>(2);

        void add(String source, LibvirtException e) {
            add(source, LibvirtErrors.libvirtMessage(e));
        }

        void add(String source, String reason) {
            reasons.add(source + ": " + reason);
        }

        String describe() {
            return reasons.isEmpty() ? "no way to measure it" : String.join("; ", reasons);
        }
    }
}
