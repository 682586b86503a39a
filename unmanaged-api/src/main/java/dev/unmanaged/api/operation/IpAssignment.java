package dev.unmanaged.api.operation;

import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.net.Ipv4Addresses;

/**
 * The IP address an import gives one NIC: a fixed address, {@code auto} (a free one from the network), or
 * {@code current} (the address the running guest uses on that NIC now).
 */
public sealed interface IpAssignment {
    /** What an IP assignment must look like, for error messages that say what was expected. */
    String EXPECTED = "an IPv4 address such as 10.0.0.5, 'auto' or 'current'";

    /** A free address of the network, allocated atomically at commit. */
    record Auto() implements IpAssignment {
        @Override
        public String toString() {
            return "auto";
        }
    }

    /**
     * The IPv4 address the running guest uses on the NIC now, as the hypervisor reports it (see
     * {@link dev.unmanaged.api.instance.NicDescriptor#guestAddresses()}); reserved at commit like a fixed address. The
     * plan refuses it when the guest has none or is not running ({@link ProblemCode#IP_GUEST_UNKNOWN}), when it has
     * several IPv4 addresses on the NIC ({@link ProblemCode#IP_GUEST_AMBIGUOUS}: name one as a fixed address), when
     * it is outside the network's range ({@link ProblemCode#IP_GUEST_OUT_OF_RANGE}) and when it is taken
     * ({@link ProblemCode#IP_IN_USE}).
     */
    record Current() implements IpAssignment {
        @Override
        public String toString() {
            return "current";
        }
    }

    /** A fixed address, which must be inside the network's range and free. */
    record Fixed(String address) implements IpAssignment {
        public Fixed {
            if (!Ipv4Addresses.isValid(address)) {
                throw new InvalidRequestException("ip", address, EXPECTED);
            }
        }

        @Override
        public String toString() {
            return address;
        }
    }

    /** {@code auto}. */
    static IpAssignment auto() {
        return new Auto();
    }

    /** {@code current}: the address the guest uses now. */
    static IpAssignment current() {
        return new Current();
    }

    /** A fixed address. */
    static IpAssignment fixed(String address) {
        return new Fixed(address);
    }

    /** Parses {@code auto}, {@code current} (any letter case) or an IPv4 address. */
    static IpAssignment parse(String text) {
        if ("auto".equalsIgnoreCase(text)) {
            return auto();
        }
        return "current".equalsIgnoreCase(text) ? current() : fixed(text);
    }
}
