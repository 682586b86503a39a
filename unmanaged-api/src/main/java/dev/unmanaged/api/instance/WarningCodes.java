package dev.unmanaged.api.instance;

/** Stable codes of {@link DescriptorWarning}s shared by providers. Providers may add their own. */
public final class WarningCodes {
    private WarningCodes() {
    }

    /** The instance has no UUID; it is shown as absent, never invented. Blocks import. */
    public static final String UUID_MISSING = "UUID_MISSING";
    /** Two NICs share a MAC address. Blocks import. */
    public static final String DUPLICATE_MAC = "DUPLICATE_MAC";
    /** Two disks share a device name. Blocks import. */
    public static final String DUPLICATE_DISK_TARGET = "DUPLICATE_DISK_TARGET";
    /** The CPU topology does not multiply to the maximum vCPUs. Blocks import. */
    public static final String CPU_TOPOLOGY_MISMATCH = "CPU_TOPOLOGY_MISMATCH";
    /** The definition could not be read; only what the hypervisor's API reports is shown. Blocks import. */
    public static final String DEFINITION_UNREADABLE = "DEFINITION_UNREADABLE";
    /** A disk's capacity or allocation could not be read. */
    public static final String DISK_SIZE_UNKNOWN = "DISK_SIZE_UNKNOWN";
    /** An element or value the provider does not model was kept as a plain value. */
    public static final String UNMODELLED = "UNMODELLED";
    /** A per-instance detail could not be fetched from the host. */
    public static final String DETAIL_UNAVAILABLE = "DETAIL_UNAVAILABLE";
    /**
     * A disk's backing chain could not be read (its image, or a layer of it, lies in no storage pool of the host,
     * or the host refused the lookup); the chain shown may be missing layers. Informational: the disk is listed.
     */
    public static final String BACKING_CHAIN_UNREADABLE = "BACKING_CHAIN_UNREADABLE";
    /**
     * A source of guest addresses failed or is not supported for the instance (e.g. no guest agent); the addresses
     * shown come from the other sources. Informational: it never blocks an import.
     */
    public static final String GUEST_ADDRESSES_UNAVAILABLE = "GUEST_ADDRESSES_UNAVAILABLE";
}
