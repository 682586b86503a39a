package dev.unmanaged.api.operation;

import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.net.Ipv4Addresses;

/** The IP address an import gives one NIC: a fixed address, or {@code auto} (a free one from the network). */
public sealed interface IpAssignment {
    /** A free address of the network, allocated atomically at commit. */
    record Auto() implements IpAssignment {
        @Override
        public String toString() {
            return "auto";
        }
    }

    /** A fixed address, which must be inside the network's range and free. */
    record Fixed(String address) implements IpAssignment {
        public Fixed {
            if (!Ipv4Addresses.isValid(address)) {
                throw new InvalidRequestException("ip", address, "an IPv4 address such as 10.0.0.5, or 'auto'");
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

    /** A fixed address. */
    static IpAssignment fixed(String address) {
        return new Fixed(address);
    }

    /** Parses {@code auto} or an IPv4 address. */
    static IpAssignment parse(String text) {
        return "auto".equalsIgnoreCase(text) ? auto() : fixed(text);
    }
}
