package dev.unmanaged.api.mapping;

/** The address a mapped NIC is given. */
public enum IpPolicy {
    /** A free address of the catalog network, allocated at commit. */
    AUTO,
    /**
     * The address the running guest uses on the NIC now, checked like a fixed address
     * ({@link dev.unmanaged.api.operation.IpAssignment#current()}).
     */
    CURRENT,
    /** No address. */
    NONE
}
