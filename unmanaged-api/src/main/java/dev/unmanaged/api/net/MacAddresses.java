package dev.unmanaged.api.net;

import dev.unmanaged.api.error.InvalidRequestException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The syntax of MAC addresses. A MAC is written as six colon-separated groups of one or two hexadecimal digits in
 * either case (the syntax KVM hosts accept: {@code 52:54:00:AB:cd:1}); its <em>canonical</em> form, the one descriptors,
 * requests and stores keep and compare, has six two-digit lower-case groups ({@code 52:54:00:ab:cd:01}).
 */
public final class MacAddresses {
    /** What a MAC must look like, for error messages that say what was expected. */
    public static final String EXPECTED = "a MAC address of six colon-separated hex pairs, e.g. 52:54:00:12:34:56";

    private static final Pattern WRITTEN = Pattern.compile("\\p{XDigit}{1,2}(:\\p{XDigit}{1,2}){5}");
    private static final Pattern CANONICAL = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");

    private MacAddresses() {
    }

    /**
     * The canonical form of a written MAC: one-digit groups padded with a zero, letters in lower case.
     *
     * @param text any text, or null
     * @return the canonical MAC, or empty when {@code text} is null or not a MAC in the syntax above
     */
    public static Optional<String> canonical(@Nullable String text) {
        if (text == null || !WRITTEN.matcher(text).matches()) {
            return Optional.empty();
        }
        var canonical = new StringBuilder(17);
        for (String group : text.split(":")) {
            if (canonical.length() > 0) {
                canonical.append(':');
            }
            canonical.append(group.length() == 1 ? "0" : "").append(group);
        }
        return Optional.of(canonical.toString().toLowerCase(Locale.ROOT));
    }

    /**
     * The canonical form of a MAC held by a field of a request or a record.
     *
     * @param field the field that holds the MAC, named in the error
     * @param text  the value of the field, may be null
     * @return the canonical MAC (see {@link #canonical})
     * @throws InvalidRequestException naming the field, the value and the form expected, when it is not a MAC
     */
    public static String requireCanonical(String field, String text) {
        return canonical(text).orElseThrow(() -> new InvalidRequestException(field, String.valueOf(text), EXPECTED));
    }

    /**
     * Whether {@code mac} is already in canonical form.
     *
     * @param mac any text, or null
     * @return true for six two-digit lower-case hex groups separated by colons; false otherwise, null included
     */
    public static boolean isCanonical(@Nullable String mac) {
        return mac != null && CANONICAL.matcher(mac).matches();
    }
}
