package dev.unmanaged.api.operation;

/** Stable codes of the {@link Problem}s of import plans and unmanage plans. */
public enum ProblemCode {
    /** The instance is already in the inventory. */
    ALREADY_MANAGED,
    /** The instance has no UUID, so it cannot be keyed. */
    INSTANCE_UUID_MISSING,
    /** A descriptor warning makes the import unsafe (duplicate MAC, unreadable definition, …). */
    INSTANCE_UNSAFE,
    /** A request field is missing or malformed. */
    REQUEST_INVALID,
    /** The owner does not exist. */
    OWNER_NOT_FOUND,
    /** The owner may not use a catalog entry (offering, network, pool, disk offering, template). */
    ACCESS_DENIED,
    /** The compute offering does not exist. */
    OFFERING_NOT_FOUND,
    /** A fixed offering's vCPUs differ from the instance's, or custom vCPUs are out of bounds. */
    OFFERING_CPU_MISMATCH,
    /** A fixed offering's memory differs from the instance's, or custom memory is out of bounds. */
    OFFERING_MEMORY_MISMATCH,
    /**
     * A fixed offering's CPU speed per vCPU differs from the speed derived from the instance's definition (or
     * that speed is unknown), or the derived speed is outside a custom offering's bounds.
     */
    OFFERING_CPU_SPEED_MISMATCH,
    /** The offering caps CPU use and the instance is not capped, or the other way round. */
    OFFERING_CPU_CAP_MISMATCH,
    /**
     * A warning: the instance is stopped and differs from its offering's size (vCPUs, memory, CPU speed or cap);
     * it is recorded with the offering's size and runs with it from its next start.
     */
    OFFERING_RESIZE_ON_START,
    /** The template does not exist. */
    TEMPLATE_NOT_FOUND,
    /** The display name (or instance name) is not a valid host name. */
    NAME_INVALID,
    /** A NIC has no network mapping. */
    NIC_UNMAPPED,
    /** A NIC has no MAC address, so it cannot be mapped. */
    NIC_MAC_MISSING,
    /** A mapping names a NIC or disk that the instance does not have. */
    MAPPING_UNKNOWN_DEVICE,
    /** The mapped network does not exist. */
    NETWORK_NOT_FOUND,
    /** The NIC's MAC is already in use on the network. */
    MAC_IN_USE,
    /** The fixed IP is not an address of the network's range. */
    IP_OUT_OF_RANGE,
    /** The fixed IP (or the guest's current one) is already in use on the network. */
    IP_IN_USE,
    /** Two NICs of the request ask for the same fixed IP on one network. */
    IP_DUPLICATE_IN_REQUEST,
    /**
     * {@code current} was asked but the guest's address on the NIC is unknown: the instance is not running, or the
     * hypervisor reports no IPv4 address for the NIC.
     */
    IP_GUEST_UNKNOWN,
    /** {@code current} was asked but the guest uses several IPv4 addresses on the NIC; name one as a fixed IP. */
    IP_GUEST_AMBIGUOUS,
    /** {@code current} was asked but the guest's address is not an address of the network's range. */
    IP_GUEST_OUT_OF_RANGE,
    /** The network has no free address for {@code auto}. */
    IP_RANGE_EXHAUSTED,
    /** A disk has no pool mapping. */
    DISK_UNMAPPED,
    /** The mapped pool does not exist. */
    POOL_NOT_FOUND,
    /** The mapped pool does not hold the disk. */
    DISK_POOL_MISMATCH,
    /** The mapped disk offering does not exist. */
    DISK_OFFERING_NOT_FOUND,
    /** The mapped disk offering is smaller than the disk. */
    DISK_OFFERING_TOO_SMALL,
    /** The disk's size is unknown, so the offering cannot be checked. */
    DISK_SIZE_UNKNOWN,
    /** A warning: a disk reads from backing files (an overlay on a base image); the message lists the chain. */
    DISK_BACKING_CHAIN,
    /**
     * A backing file of a disk lies in no storage pool of the request's disk mapping, so the inventory would not
     * know the file exists and could delete or move it.
     */
    DISK_BACKING_UNMAPPED,
    /** A warning: the instance has snapshots or checkpoints on its host (their names are in the message). */
    INSTANCE_HAS_SNAPSHOTS,
    /**
     * Another instance of the host uses the same disk source: blocking, or a warning when both sides declare the
     * disk shareable.
     */
    DISK_SHARED,
    /** A warning: host devices (PCI, USB, mediated devices) are passed through to the instance. */
    HOST_DEVICE_ATTACHED,
    /** A block job (copy, commit, pull) is running on a disk: its image files are about to change. */
    BLOCK_JOB_ACTIVE,
    /** A custom {@link dev.unmanaged.api.spi.ImportRule} found a problem; its own code is {@link Problem#ruleCode()}. */
    RULE,
    /** A custom {@link dev.unmanaged.api.spi.ImportRule} failed while checking; the import is blocked to be safe. */
    RULE_FAILED,
    /** Unmanage: the instance's host could not be asked (unreachable, or it refused). */
    HOST_UNREACHABLE,
    /** Unmanage: the managed instance is no longer on its host; only forgetting its record is left. */
    INSTANCE_GONE,
    /** Unmanage: the instance is transient and its provider only reads, so it cannot be defined persistently. */
    READ_ONLY_TRANSIENT,
    /** Forget: the instance is still present on a reachable host; unmanage it instead. */
    INSTANCE_STILL_PRESENT
}
