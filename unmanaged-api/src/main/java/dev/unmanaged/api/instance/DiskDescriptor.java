package dev.unmanaged.api.instance;

import dev.unmanaged.api.internal.Copies;
import java.util.List;

/**
 * A disk-like device of an instance (disk, cdrom, floppy, lun). Credentials (an {@code <auth>} user,
 * cookies, URL query strings) are never kept.
 *
 * @param device          disk, cdrom, floppy, lun, or what the hypervisor calls it
 * @param type            source kind: file, block, network, volume, dir, nvme, vhostuser, …
 * @param driverType      image format, e.g. qcow2, raw, vmdk; null when not set
 * @param cache           cache mode, e.g. none, writeback, directsync; null when not set
 * @param source          the file path (file), the device (block), the image name (network), {@code pool/volume}
 *                        (volume) or the directory (dir); null for an empty drive
 * @param protocol        network protocol (rbd, iscsi, nbd, http, …) for network disks; null otherwise
 * @param hosts           {@code host[:port]} of network sources; never null
 * @param targetDev       the guest device name, e.g. vda; the key for disk mappings
 * @param bus             virtio, sata, scsi, ide, …; null when not set
 * @param serial          the disk serial, null when not set
 * @param readOnly        true when read-only
 * @param shareable       true when shareable between instances
 * @param bootOrder       per-device boot order, null when not set
 * @param capacityBytes   virtual size, null when unknown
 * @param allocationBytes bytes allocated on the host, null when unknown
 */
public record DiskDescriptor(String device, String type, String driverType, String cache, String source,
                             String protocol, List<String> hosts, String targetDev, String bus, String serial,
                             boolean readOnly, boolean shareable, Integer bootOrder,
                             Long capacityBytes, Long allocationBytes) {
    public DiskDescriptor {
        hosts = Copies.list(hosts);
    }

    /** This disk with the sizes the hypervisor reported. */
    public DiskDescriptor withSizes(Long capacity, Long allocation) {
        return new DiskDescriptor(device, type, driverType, cache, source, protocol, hosts, targetDev, bus, serial,
                readOnly, shareable, bootOrder, capacity, allocation);
    }

    /** True for a {@code disk} device (not a cdrom, floppy or lun). */
    public boolean isDisk() {
        return "disk".equals(device);
    }
}
