package dev.unmanaged.api.spi;

/** Optional behaviour a provider may have. Conformance tests for absent capabilities are skipped. */
public enum ProviderCapability {
    /** Instances can be transient (exist only while running); unmanage preparation makes them persistent. */
    TRANSIENT_INSTANCES,
    /** Instances can be paused. */
    PAUSE,
    /** Instances can be suspended by the guest. */
    SUSPEND,
    /** Disk capacity and allocation are reported. */
    DISK_SIZES,
    /** Graphical consoles (and whether they have a password) are reported. */
    GRAPHICS,
    /**
     * Changes of a host's instances are pushed as they happen
     * ({@link HypervisorInstanceProvider#watchHost}); without it, watchers list the host periodically.
     */
    WATCH,
    /** The addresses running guests use on their NICs are reported (see {@link ListingDetail#GUEST_ADDRESSES}). */
    GUEST_ADDRESSES
}
