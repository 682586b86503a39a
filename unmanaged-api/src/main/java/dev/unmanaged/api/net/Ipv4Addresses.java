package dev.unmanaged.api.net;

import dev.unmanaged.api.error.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * IPv4 addresses in dotted-quad form ({@code 10.0.0.5}) and as unsigned 32-bit numbers, so that ranges, offsets and
 * the lowest free address can be computed.
 *
 * <p>The only form accepted is four decimal numbers from 0 to 255 separated by dots, without leading zeros (which
 * some parsers read as octal) and without spaces.
 */
public final class Ipv4Addresses {
    /** What an IPv4 address must look like, for error messages that say what was expected. */
    public static final String EXPECTED = "an IPv4 address in dotted-quad form, e.g. 10.0.0.5";

    private static final long LARGEST = 0xffff_ffffL;

    private Ipv4Addresses() {
    }

    /**
     * Whether {@code text} is a dotted-quad IPv4 address.
     *
     * @param text any text, or null
     * @return true for an address such as {@code 10.0.0.5}; false for null, other forms and out-of-range parts
     */
    public static boolean isValid(@Nullable String text) {
        if (text == null) {
            return false;
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(part) > 255 || (part.length() > 1 && part.charAt(0) == '0')) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code address} when it is valid (see {@link #isValid}), for checking a field of a request or a record.
     *
     * @param field   the field that holds the address, named in the error
     * @param address the value of the field, may be null
     * @return {@code address}
     * @throws InvalidRequestException naming the field, the value and the form expected, when it is not valid
     */
    public static String requireValid(String field, String address) {
        if (!isValid(address)) {
            throw new InvalidRequestException(field, String.valueOf(address), EXPECTED);
        }
        return address;
    }

    /**
     * The address as an unsigned 32-bit number: {@code 10.0.0.1} is {@code 167772161}.
     *
     * @param address a dotted-quad address
     * @return a number from 0 to 2<sup>32</sup>-1
     * @throws IllegalArgumentException naming the value when it is not a valid address (see {@link #isValid})
     */
    public static long toNumber(String address) {
        if (!isValid(address)) {
            throw new IllegalArgumentException("found '" + address + "', expected " + EXPECTED);
        }
        long value = 0;
        for (String part : address.split("\\.")) {
            value = (value << 8) | Integer.parseInt(part);
        }
        return value;
    }

    /**
     * The dotted-quad form of an unsigned 32-bit number; the inverse of {@link #toNumber}.
     *
     * @param number a number from 0 to 2<sup>32</sup>-1
     * @return the address, e.g. {@code 10.0.0.1} for {@code 167772161}
     * @throws IllegalArgumentException when {@code number} is outside that range
     */
    public static String fromNumber(long number) {
        if (number < 0 || number > LARGEST) {
            throw new IllegalArgumentException("found " + number + ", expected a number from 0 to " + LARGEST);
        }
        return ((number >> 24) & 0xff) + "." + ((number >> 16) & 0xff) + "." + ((number >> 8) & 0xff) + "."
                + (number & 0xff);
    }
}
