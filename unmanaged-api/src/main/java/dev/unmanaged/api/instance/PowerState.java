package dev.unmanaged.api.instance;

/** The power state of an instance as its hypervisor reports it. */
public enum PowerState {
    /** Running, including an instance that is blocked waiting for a resource. */
    RUNNING,
    /** Paused by the hypervisor or by a user; memory is kept. */
    PAUSED,
    /** Suspended by the guest (power-management suspend). */
    SUSPENDED,
    /** Shut off, or being shut down. */
    STOPPED,
    /** Crashed and not restarted. */
    CRASHED,
    /** The hypervisor did not say, or the state was read from a definition alone. */
    UNKNOWN
}
