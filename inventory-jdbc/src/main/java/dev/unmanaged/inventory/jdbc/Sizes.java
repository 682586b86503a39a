package dev.unmanaged.inventory.jdbc;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Byte sizes written for people: {@code 4 GiB}, {@code 512MiB}, {@code 1073741824}. */
final class Sizes {
    private static final Pattern SIZE = Pattern.compile("(\\d{1,15})\\s*([a-z]*)");
    private static final Map<String, Long> UNITS = Map.of(
            "", 1L, "b", 1L, "kib", 1L << 10, "mib", 1L << 20, "gib", 1L << 30, "tib", 1L << 40);

    private Sizes() {
    }

    /** The number of bytes, or null when {@code text} is no size in this form or overflows. */
    static Long parse(String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches() || !UNITS.containsKey(m.group(2))) {
            return null;
        }
        try {
            return Math.multiplyExact(Long.parseLong(m.group(1)), UNITS.get(m.group(2)));
        } catch (ArithmeticException e) {
            return null;
        }
    }
}
