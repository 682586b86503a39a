package dev.unmanaged.kvm;

import dev.unmanaged.api.instance.BackingLayer;
import dev.unmanaged.api.instance.DescriptorWarning;
import dev.unmanaged.api.instance.DiskDescriptor;
import dev.unmanaged.api.instance.WarningCodes;
import dev.unmanaged.api.text.SafeText;
import dev.unmanaged.kvm.AllDomainStats.BlockSizes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;

/**
 * The backing chains of a domain's disks. A running domain's live definition writes its chains out
 * ({@code <backingStore>}, read by the parser); where it does not, the listing's bulk stats may name the layers.
 * libvirt does not open the chain of a shut-off domain, so for those the host's storage volumes are asked, layer
 * by layer: the volume at the image's path names its backing file and format in its own XML, the volume at that
 * path the next one, and so on. A layer that lies in no storage pool ends what can be read; when its format can
 * have a backing file, the disk gets a {@link WarningCodes#BACKING_CHAIN_UNREADABLE} warning, never an error.
 */
final class BackingChains {
    /** Image formats that can have a backing file; a raw image never has one. */
    private static final Set<String> LAYERED_FORMATS = Set.of("qcow2", "qcow", "qed", "vmdk", "vhdx", "vpc");
    /** A longer chain is cut here rather than followed further (and a loop in a broken chain ends). */
    private static final int MAX_LAYERS = 64;
    private static final String BACKING_PATH = "volume/backingStore/path";
    private static final String BACKING_FORMAT = "volume/backingStore/format@type";
    private static final Set<String> VOLUME_PATHS = Set.of(BACKING_PATH, BACKING_FORMAT);

    private BackingChains() {
    }

    /** {@code disks} with the chains the bulk stats reported for disks whose definition wrote none. */
    static List<DiskDescriptor> fromBulkStats(List<DiskDescriptor> disks, List<BlockSizes> reported) {
        List<DiskDescriptor> filled = new ArrayList<>(disks.size());
        for (DiskDescriptor disk : disks) {
            List<String> backing = disk.backingChain().isEmpty() ? reportedChain(disk, reported) : List.of();
            if (backing.isEmpty()) {
                filled.add(disk);
            } else {
                filled.add(disk.toBuilder().backingChain(backing.stream()
                        .map(path -> BackingLayer.of(disk.type(), path, null)).toList()).build());
            }
        }
        return filled;
    }

    private static List<String> reportedChain(DiskDescriptor disk, List<BlockSizes> reported) {
        for (BlockSizes block : reported) {
            if (disk.deviceName() != null && disk.deviceName().equals(block.name())) {
                return block.backing();
            }
        }
        return List.of();
    }

    /** True when an image of {@code format} may have a backing file (an unknown format may). */
    static boolean mayHaveBacking(String format) {
        return format == null || LAYERED_FORMATS.contains(format);
    }

    /**
     * One layer's volume as the host's storage knows it: its pool and, when asked, the layer it reads from.
     *
     * @param pool        the host pool holding the volume
     * @param backingPath the path of its backing file, null when none (or not asked)
     * @param backingType the backing file's format, null when not named
     */
    record Volume(String pool, String backingPath, String backingType) {
    }

    /**
     * The storage volume at {@code path}: its pool and, with {@code withBacking}, its backing file; null when no
     * pool holds the path.
     *
     * @throws LibvirtException when the host refused the lookup for another reason than a missing volume
     */
    static Volume volumeAt(Connect connect, String path, boolean withBacking) throws LibvirtException {
        StorageVol volume = null;
        StoragePool pool = null;
        try {
            volume = connect.storageVolLookupByPath(path);
            pool = volume.storagePoolLookupByVolume();
            if (!withBacking) {
                return new Volume(pool.getName(), null, null);
            }
            Map<String, String> backing = XmlPaths.read(volume.getXMLDesc(0), VOLUME_PATHS);
            return new Volume(pool.getName(), backing.get(BACKING_PATH), backing.get(BACKING_FORMAT));
        } catch (LibvirtException e) {
            if (LibvirtErrors.isNoStorageVolume(e)) {
                return null;
            }
            throw e;
        } finally {
            DiskSizes.free(volume);
            DiskSizes.free(pool);
        }
    }

    /**
     * The chain under a shut-off domain's {@code disk} read from the host's storage volumes, each layer with its
     * pool; the disk's own image was found in {@code top}. A layer that cannot be followed becomes a warning.
     *
     * @throws LibvirtException when the connection was lost
     */
    static List<BackingLayer> fromVolumes(Connect connect, DiskDescriptor disk, Volume top,
                                          List<DescriptorWarning> warnings) throws LibvirtException {
        List<BackingLayer> chain = new ArrayList<>();
        Volume current = top;
        while (current.backingPath() != null && chain.size() < MAX_LAYERS) {
            String path = current.backingPath();
            String format = current.backingType();
            Volume next;
            try {
                next = volumeAt(connect, path, true);
            } catch (LibvirtException e) {
                if (LibvirtErrors.isConnectionLost(e, connect)) {
                    throw e;
                }
                warnings.add(unreadable(disk, "the lookup of its layer " + SafeText.quoted(path) + " failed: "
                        + LibvirtErrors.libvirtMessage(e)));
                chain.add(BackingLayer.of("file", path, format));
                return chain;
            }
            chain.add(new BackingLayer("file", path, format, next == null ? null : next.pool()));
            if (next == null) {
                if (mayHaveBacking(format)) {
                    warnings.add(unreadable(disk, "its layer " + SafeText.quoted(path)
                            + " lies in no storage pool of the host, so what lies under it is unknown"));
                }
                return chain;
            }
            current = next;
        }
        return chain;
    }

    static DescriptorWarning unreadable(DiskDescriptor disk, String why) {
        return DescriptorWarning.info(WarningCodes.BACKING_CHAIN_UNREADABLE, "the backing chain of disk "
                + SafeText.of(disk.deviceName()) + " (" + SafeText.quoted(disk.source()) + ") could not be read: "
                + why);
    }
}
