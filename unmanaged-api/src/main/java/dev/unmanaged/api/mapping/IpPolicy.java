package dev.unmanaged.api.mapping;

/** The address a mapped NIC is given. */
public enum IpPolicy {
    /** A free address of the catalog network, allocated at commit. */
    AUTO,
    /** No address. */
    NONE
}
