package dev.unmanaged.api.error;

/** An IP or MAC address is already reserved on a network. */
public class AddressInUseException extends UnmanagedException {
    private static final long serialVersionUID = 1L;

    /** Which kind of address collided. */
    public enum Kind {
        /** An IP address already reserved on the network, or none left to hand out. */
        IP,
        /** A MAC address already reserved on the network. */
        MAC
    }

    private final Kind kind;
    private final String networkId;
    private final String address;

    /**
     * @param kind      IP or MAC
     * @param networkId the network
     * @param address   the address already in use
     */
    public AddressInUseException(Kind kind, String networkId, String address) {
        super(ErrorCode.ADDRESS_IN_USE, kind + " address " + address + " is already in use on network " + networkId);
        this.kind = kind;
        this.networkId = networkId;
        this.address = address;
    }

    /** IP or MAC. */
    public Kind kind() {
        return kind;
    }

    /** The network. */
    public String networkId() {
        return networkId;
    }

    /** The address already in use. */
    public String address() {
        return address;
    }
}
