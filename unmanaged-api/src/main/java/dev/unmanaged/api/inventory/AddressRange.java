package dev.unmanaged.api.inventory;

import dev.unmanaged.api.net.Ipv4Addresses;
import java.util.Objects;

/**
 * An inclusive range of IPv4 addresses, e.g. 10.0.0.10–10.0.0.200.
 *
 * @param first the first address
 * @param last  the last address
 */
public record AddressRange(String first, String last) {
    /**
     * @throws NullPointerException     when an address is null
     * @throws IllegalArgumentException when an address is not a dotted-quad IPv4 address, or {@code first} comes
     *                                  after {@code last}
     */
    public AddressRange {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (Ipv4Addresses.toNumber(first) > Ipv4Addresses.toNumber(last)) {
            throw new IllegalArgumentException("address range " + first + "-" + last + " is reversed");
        }
    }

    /**
     * Whether {@code address} lies in this range.
     *
     * @param address any text, or null
     * @return true when {@code address} is a valid IPv4 address inside this range; false otherwise
     */
    public boolean contains(String address) {
        if (!Ipv4Addresses.isValid(address)) {
            return false;
        }
        long value = Ipv4Addresses.toNumber(address);
        return value >= Ipv4Addresses.toNumber(first) && value <= Ipv4Addresses.toNumber(last);
    }

    /**
     * The number of addresses in the range.
     *
     * @return at least 1
     */
    public long size() {
        return Ipv4Addresses.toNumber(last) - Ipv4Addresses.toNumber(first) + 1;
    }

    /**
     * The address at {@code offset} from {@link #first()}; the inverse of {@link #offsetOf}.
     *
     * @param offset from 0 to {@link #size()} - 1
     * @return the address
     * @throws IndexOutOfBoundsException when {@code offset} is outside the range
     */
    public String addressAt(long offset) {
        if (offset < 0 || offset >= size()) {
            throw new IndexOutOfBoundsException("offset " + offset + " outside range of " + size());
        }
        return Ipv4Addresses.fromNumber(Ipv4Addresses.toNumber(first) + offset);
    }

    /**
     * The offset of {@code address} from {@link #first()}; the inverse of {@link #addressAt}.
     *
     * @param address an address this range {@linkplain #contains contains}
     * @return from 0 to {@link #size()} - 1
     * @throws IllegalArgumentException when {@code address} is not inside the range
     */
    public long offsetOf(String address) {
        if (!contains(address)) {
            throw new IllegalArgumentException("found '" + address + "', expected an address in " + first + "-"
                    + last);
        }
        return Ipv4Addresses.toNumber(address) - Ipv4Addresses.toNumber(first);
    }

    /**
     * Whether {@code text} is a dotted-quad IPv4 address.
     *
     * @param text any text, or null
     * @return the same as {@link Ipv4Addresses#isValid}
     * @deprecated the syntax of addresses has its home in {@link Ipv4Addresses#isValid}; use that
     */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public static boolean isIpv4(String text) {
        return Ipv4Addresses.isValid(text);
    }
}
