package dev.unmanaged.api.spi;

/**
 * Details a listing reads only when asked, because they cost the host more calls than the rest of the listing
 * (see {@link HypervisorInstanceProvider#listInstances(dev.unmanaged.api.instance.Host, java.util.Set)}).
 * {@link HypervisorInstanceProvider#describeInstance} always reads them all.
 */
public enum ListingDetail {
    /**
     * The addresses running guests use on their NICs
     * ({@link dev.unmanaged.api.instance.NicDescriptor#guestAddresses()}): at least one call per running instance.
     */
    GUEST_ADDRESSES,
    /**
     * What the host keeps about each instance's storage beyond its definition: its snapshots and checkpoints
     * ({@link dev.unmanaged.api.instance.InstanceDescriptor#snapshots()}), the block job running on each disk
     * and the host's storage pool holding each disk ({@link dev.unmanaged.api.instance.DiskDescriptor#blockJob()},
     * {@link dev.unmanaged.api.instance.DiskDescriptor#hostPool()}): a few calls per instance. Backing chains and
     * the disks instances share are read in every listing, as they come with the listing's own calls.
     */
    STORAGE
}
