package dev.unmanaged.cli.output;

import dev.unmanaged.api.text.SafeText;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Byte sizes as people write them: {@code 4GiB}, {@code 512M}, {@code 1.5 TiB}, {@code 1073741824}. */
public final class Sizes {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]*)");
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    private Sizes() {
    }

    /**
     * Parses a size. Binary units ({@code K}, {@code KiB}, {@code M}, {@code MiB}, {@code G}, {@code GiB},
     * {@code T}, {@code TiB}) are powers of 1024, decimal ones ({@code KB}, {@code MB}, {@code GB}, {@code TB})
     * powers of 1000; a bare number is bytes.
     *
     * @throws IllegalArgumentException naming the value and what was expected
     */
    public static long parse(String text) {
        Matcher m = SIZE.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("found " + SafeText.quoted(text)
                    + ", expected a size such as 4GiB, 512MiB or 2048M");
        }
        long factor = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "", "b" -> 1L;
            case "k", "kib" -> 1L << 10;
            case "m", "mib" -> 1L << 20;
            case "g", "gib" -> 1L << 30;
            case "t", "tib" -> 1L << 40;
            case "kb" -> 1_000L;
            case "mb" -> 1_000_000L;
            case "gb" -> 1_000_000_000L;
            case "tb" -> 1_000_000_000_000L;
            default -> throw new IllegalArgumentException("found unit " + SafeText.quoted(m.group(2)) + " in "
                    + SafeText.quoted(text) + ", expected B, KiB, MiB, GiB, TiB (or K, M, G, T), KB, MB, GB or TB");
        };
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(factor));
        if (bytes.signum() <= 0 || bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("found " + SafeText.quoted(text) + ", expected a positive size");
        }
        return bytes.longValue();
    }

    /** A size for reading: {@code 4 GiB}, {@code 1.5 GiB}, {@code 512 MiB}; {@code -} when unknown. */
    public static String format(Long bytes) {
        if (bytes == null) {
            return "-";
        }
        double value = bytes;
        int unit = 0;
        // 1023.97 GiB reads as 1024.0 GiB once rounded: such a value moves up a unit too.
        while (value >= 1023.95 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        if (unit == 0) {
            return bytes + " B";
        }
        String number = String.format(Locale.ROOT, "%.1f", value);
        if (number.endsWith(".0")) {
            number = number.substring(0, number.length() - 2);
        }
        return number + " " + UNITS[unit];
    }
}
