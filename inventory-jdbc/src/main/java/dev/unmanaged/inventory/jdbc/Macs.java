package dev.unmanaged.inventory.jdbc;

import dev.unmanaged.api.error.InvalidRequestException;
import java.util.Locale;
import java.util.regex.Pattern;

/** MAC addresses in the one form the store keeps: six lower-case hex pairs separated by colons. */
final class Macs {
    private static final Pattern MAC = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");

    private Macs() {
    }

    /** {@code mac} in lower case, or a typed error naming {@code field} when it is no MAC address. */
    static String normalized(String field, String mac) {
        String lower = mac == null ? null : mac.toLowerCase(Locale.ROOT);
        if (lower == null || !MAC.matcher(lower).matches()) {
            throw new InvalidRequestException(field, mac, "a MAC address of six hex pairs, e.g. 52:54:00:12:34:56");
        }
        return lower;
    }
}
