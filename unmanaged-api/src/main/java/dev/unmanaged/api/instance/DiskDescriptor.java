package dev.unmanaged.api.instance;

import dev.unmanaged.api.internal.Copies;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A disk-like device of an instance (disk, cdrom, floppy, lun). Credentials (an authentication user, cookies,
 * URL query strings) are never kept. Build one with {@link #builder()}.
 *
 * @param device          disk, cdrom, floppy, lun, or what the hypervisor calls it
 * @param type            source kind: file, block, network, volume, dir, nvme, vhostuser, …
 * @param driverType      image format, e.g. qcow2, raw, vmdk; null when not set
 * @param cache           cache mode, e.g. none, writeback, directsync; null when not set
 * @param source          the file path (file), the device (block), the image name (network), {@code pool/volume}
 *                        (volume) or the directory (dir); null for an empty drive
 * @param protocol        network protocol (rbd, iscsi, nbd, http, …) for network disks; null otherwise
 * @param hosts           {@code host[:port]} of network sources; never null
 * @param deviceName      the disk's device as the hypervisor names its slot, e.g. {@code vda} or {@code sdb} on
 *                        KVM, {@code scsi0:1} or {@code nvme0:0} on vSphere; the key of every disk mapping (pools,
 *                        disk offerings); null when the definition names none
 * @param bus             virtio, sata, scsi, ide, …; null when not set
 * @param serial          the disk serial, null when not set
 * @param readOnly        true when read-only
 * @param shareable       true when shareable between instances
 * @param bootOrder       per-device boot order, null when not set
 * @param capacityBytes   virtual size, null when unknown
 * @param allocationBytes bytes allocated on the host, null when unknown
 * @param provisioning    how the disk's space is allocated: {@code thin}, {@code thick-eager-zeroed} or
 *                        {@code thick-lazy-zeroed} (vSphere flat disks); null when unknown or not applicable
 * @param mode            the hypervisor's disk mode as it names it, e.g. vSphere's {@code persistent},
 *                        {@code independent_persistent} or {@code independent_nonpersistent}; null when not set
 * @param backingChain    the images under this disk's image, nearest first (a qcow2 overlay's backing file, its
 *                        own backing file, …); empty when the image has none or the chain could not be read (then
 *                        the instance carries a warning saying so); never null
 * @param hostPool        the host's storage pool that holds the disk's image (a volume lookup by path on KVM); null
 *                        when none does, or when it was not looked up (a listing without
 *                        {@link dev.unmanaged.api.spi.ListingDetail#STORAGE})
 * @param sharedWith      the other instances of the same host whose disks have the same source; empty when none
 *                        is, or when the disk was described without its host's other instances; never null
 * @param blockJob        the block job running on the disk; null when none runs, or when it was not read (see
 *                        {@link InstanceDescriptor#snapshots()}: block jobs are read exactly when snapshots are)
 */
public record DiskDescriptor(String device, String type, @Nullable String driverType, @Nullable String cache,
                             @Nullable String source, @Nullable String protocol, List<String> hosts,
                             @Nullable String deviceName, @Nullable String bus, @Nullable String serial,
                             boolean readOnly, boolean shareable, @Nullable Integer bootOrder,
                             @Nullable Long capacityBytes, @Nullable Long allocationBytes,
                             @Nullable String provisioning, @Nullable String mode,
                             List<BackingLayer> backingChain, @Nullable String hostPool, List<DiskUser> sharedWith,
                             @Nullable BlockJob blockJob) {
    public DiskDescriptor {
        hosts = Copies.list(hosts);
        backingChain = Copies.list(backingChain);
        sharedWith = Copies.list(sharedWith);
    }

    /** A disk without a backing chain, host pool, other users or block job. */
    public DiskDescriptor(String device, String type, @Nullable String driverType, @Nullable String cache,
                          @Nullable String source, @Nullable String protocol, List<String> hosts,
                          @Nullable String deviceName, @Nullable String bus, @Nullable String serial,
                          boolean readOnly, boolean shareable, @Nullable Integer bootOrder,
                          @Nullable Long capacityBytes, @Nullable Long allocationBytes,
                          @Nullable String provisioning, @Nullable String mode) {
        this(device, type, driverType, cache, source, protocol, hosts, deviceName, bus, serial, readOnly, shareable,
                bootOrder, capacityBytes, allocationBytes, provisioning, mode, List.of(), null, List.of(), null);
    }

    /** A disk without a provisioning or mode. */
    public DiskDescriptor(String device, String type, @Nullable String driverType, @Nullable String cache,
                          @Nullable String source, @Nullable String protocol, List<String> hosts,
                          @Nullable String deviceName, @Nullable String bus, @Nullable String serial,
                          boolean readOnly, boolean shareable, @Nullable Integer bootOrder,
                          @Nullable Long capacityBytes, @Nullable Long allocationBytes) {
        this(device, type, driverType, cache, source, protocol, hosts, deviceName, bus, serial, readOnly, shareable,
                bootOrder, capacityBytes, allocationBytes, null, null);
    }

    /** A builder of a {@code disk} device of source kind {@code file}, with nothing else set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every value of this disk. */
    public Builder toBuilder() {
        return new Builder().device(device).type(type).driverType(driverType).cache(cache).source(source)
                .protocol(protocol).hosts(hosts).deviceName(deviceName).bus(bus).serial(serial).readOnly(readOnly)
                .shareable(shareable).bootOrder(bootOrder).capacityBytes(capacityBytes)
                .allocationBytes(allocationBytes).provisioning(provisioning).mode(mode).backingChain(backingChain)
                .hostPool(hostPool).sharedWith(sharedWith).blockJob(blockJob);
    }

    /** This disk with the sizes the hypervisor reported. */
    public DiskDescriptor withSizes(@Nullable Long capacity, @Nullable Long allocation) {
        return toBuilder().capacityBytes(capacity).allocationBytes(allocation).build();
    }

    /** This disk with the other instances that use its source. */
    public DiskDescriptor withSharedWith(List<DiskUser> users) {
        return toBuilder().sharedWith(users).build();
    }

    /** True when another instance uses this disk's source and either side does not declare itself shareable. */
    public boolean sharedUnsafely() {
        return !sharedWith.isEmpty() && !(shareable && sharedWith.stream().allMatch(DiskUser::shareable));
    }

    /** True for a {@code disk} device (not a cdrom, floppy or lun). */
    public boolean isDisk() {
        return "disk".equals(device);
    }

    /** Builds a {@link DiskDescriptor}; every setter returns this builder. Not thread-safe. */
    public static final class Builder {
        private String device = "disk";
        private String type = "file";
        private @Nullable String driverType;
        private @Nullable String cache;
        private @Nullable String source;
        private @Nullable String protocol;
        private List<String> hosts = List.of();
        private @Nullable String deviceName;
        private @Nullable String bus;
        private @Nullable String serial;
        private boolean readOnly;
        private boolean shareable;
        private @Nullable Integer bootOrder;
        private @Nullable Long capacityBytes;
        private @Nullable Long allocationBytes;
        private @Nullable String provisioning;
        private @Nullable String mode;
        private List<BackingLayer> backingChain = List.of();
        private @Nullable String hostPool;
        private List<DiskUser> sharedWith = List.of();
        private @Nullable BlockJob blockJob;

        private Builder() {
        }

        /** disk (the default), cdrom, floppy, lun, … */
        public Builder device(String value) {
            this.device = value;
            return this;
        }

        /** The source kind: file (the default), block, network, volume, dir, … */
        public Builder type(String value) {
            this.type = value;
            return this;
        }

        /** The image format, e.g. qcow2; null when not set. */
        public Builder driverType(@Nullable String value) {
            this.driverType = value;
            return this;
        }

        /** The cache mode; null when not set. */
        public Builder cache(@Nullable String value) {
            this.cache = value;
            return this;
        }

        /** The source (path, device, image, {@code pool/volume}, directory); null for an empty drive. */
        public Builder source(@Nullable String value) {
            this.source = value;
            return this;
        }

        /** The network protocol of a network disk; null otherwise. */
        public Builder protocol(@Nullable String value) {
            this.protocol = value;
            return this;
        }

        /** The {@code host[:port]} of a network source. */
        public Builder hosts(List<String> values) {
            this.hosts = values;
            return this;
        }

        /** The device as the hypervisor names its slot ({@code vda}, {@code scsi0:1}); null when none. */
        public Builder deviceName(@Nullable String value) {
            this.deviceName = value;
            return this;
        }

        /** The bus; null when not set. */
        public Builder bus(@Nullable String value) {
            this.bus = value;
            return this;
        }

        /** The disk serial; null when not set. */
        public Builder serial(@Nullable String value) {
            this.serial = value;
            return this;
        }

        /** Read-only or not (the default). */
        public Builder readOnly(boolean value) {
            this.readOnly = value;
            return this;
        }

        /** Shareable between instances or not (the default). */
        public Builder shareable(boolean value) {
            this.shareable = value;
            return this;
        }

        /** The per-device boot order; null when not set. */
        public Builder bootOrder(@Nullable Integer value) {
            this.bootOrder = value;
            return this;
        }

        /** The virtual size; null when unknown. */
        public Builder capacityBytes(@Nullable Long value) {
            this.capacityBytes = value;
            return this;
        }

        /** The bytes allocated on the host; null when unknown. */
        public Builder allocationBytes(@Nullable Long value) {
            this.allocationBytes = value;
            return this;
        }

        /** {@code thin}, {@code thick-eager-zeroed} or {@code thick-lazy-zeroed}; null when unknown. */
        public Builder provisioning(@Nullable String value) {
            this.provisioning = value;
            return this;
        }

        /** The hypervisor's disk mode, e.g. {@code independent_persistent}; null when not set. */
        public Builder mode(@Nullable String value) {
            this.mode = value;
            return this;
        }

        /** The images under the disk's image, nearest first; empty (the default) when none. */
        public Builder backingChain(List<BackingLayer> values) {
            this.backingChain = values;
            return this;
        }

        /** The host's storage pool holding the image; null (the default) when none or not looked up. */
        public Builder hostPool(@Nullable String value) {
            this.hostPool = value;
            return this;
        }

        /** The other instances of the host using the same source; empty (the default) when none. */
        public Builder sharedWith(List<DiskUser> values) {
            this.sharedWith = values;
            return this;
        }

        /** The block job running on the disk; null (the default) when none or not read. */
        public Builder blockJob(@Nullable BlockJob value) {
            this.blockJob = value;
            return this;
        }

        /** The disk. */
        public DiskDescriptor build() {
            return new DiskDescriptor(device, type, driverType, cache, source, protocol, hosts, deviceName, bus,
                    serial, readOnly, shareable, bootOrder, capacityBytes, allocationBytes, provisioning, mode,
                    backingChain, hostPool, sharedWith, blockJob);
        }
    }
}
