package dev.unmanaged.inventory.jdbc;

import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.inventory.AddressRange;

/** IPv4 addresses as numbers, so that ranges and the lowest free address can be computed in SQL. */
final class Ipv4 {
    private Ipv4() {
    }

    /** The address as an unsigned 32-bit number. */
    static long toNumber(String field, String address) {
        if (!AddressRange.isIpv4(address)) {
            throw new InvalidRequestException(field, address, "an IPv4 address in dotted-quad form, e.g. 10.0.0.5");
        }
        long value = 0;
        for (String part : address.split("\\.")) {
            value = (value << 8) | Integer.parseInt(part);
        }
        return value;
    }

    /** The dotted-quad form of an unsigned 32-bit number. */
    static String fromNumber(long value) {
        return ((value >> 24) & 0xff) + "." + ((value >> 16) & 0xff) + "." + ((value >> 8) & 0xff) + "." + (value & 0xff);
    }
}
