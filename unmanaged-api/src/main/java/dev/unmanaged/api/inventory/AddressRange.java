package dev.unmanaged.api.inventory;

import java.util.Objects;

/**
 * An inclusive range of IPv4 addresses, e.g. 10.0.0.10–10.0.0.200.
 *
 * @param first the first address
 * @param last  the last address
 */
public record AddressRange(String first, String last) {
    public AddressRange {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (toLong(first) > toLong(last)) {
            throw new IllegalArgumentException("address range " + first + "-" + last + " is reversed");
        }
    }

    /** True when {@code address} is a valid IPv4 address inside this range. */
    public boolean contains(String address) {
        if (!isIpv4(address)) {
            return false;
        }
        long value = toLong(address);
        return value >= toLong(first) && value <= toLong(last);
    }

    /** The number of addresses in the range. */
    public long size() {
        return toLong(last) - toLong(first) + 1;
    }

    /** The address at {@code offset} from {@link #first()}. */
    public String addressAt(long offset) {
        if (offset < 0 || offset >= size()) {
            throw new IndexOutOfBoundsException("offset " + offset + " outside range of " + size());
        }
        return fromLong(toLong(first) + offset);
    }

    /** True when {@code text} is a dotted-quad IPv4 address. */
    public static boolean isIpv4(String text) {
        if (text == null) {
            return false;
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(part) > 255 || (part.length() > 1 && part.charAt(0) == '0')) {
                return false;
            }
        }
        return true;
    }

    private static long toLong(String address) {
        if (!isIpv4(address)) {
            throw new IllegalArgumentException("not an IPv4 address: '" + address + "'");
        }
        long value = 0;
        for (String part : address.split("\\.")) {
            value = (value << 8) | Integer.parseInt(part);
        }
        return value;
    }

    private static String fromLong(long value) {
        return ((value >> 24) & 0xff) + "." + ((value >> 16) & 0xff) + "." + ((value >> 8) & 0xff) + "." + (value & 0xff);
    }
}
