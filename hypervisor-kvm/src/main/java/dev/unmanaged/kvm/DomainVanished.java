package dev.unmanaged.kvm;

/** The domain being read was undefined or stopped (if transient) while it was read. */
final class DomainVanished extends Exception {
    private static final long serialVersionUID = 1L;

    DomainVanished() {
        super("domain vanished", null, false, false);
    }
}
