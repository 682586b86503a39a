package dev.unmanaged.api.text;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte sizes as people write and read them. One grammar serves every place that takes a size (the catalog file,
 * the command line, plan files):
 *
 * <ul>
 *   <li>a number, optionally with a decimal fraction ({@code 4}, {@code 1.5}), then optional spaces, then an
 *       optional unit, in any letter case;</li>
 *   <li>no unit or {@code B}: bytes;</li>
 *   <li>{@code K}/{@code KiB}, {@code M}/{@code MiB}, {@code G}/{@code GiB}, {@code T}/{@code TiB},
 *       {@code P}/{@code PiB}: powers of 1024 (so {@code 4G} is {@code 4GiB}, as in most virtualisation tools);</li>
 *   <li>{@code KB}, {@code MB}, {@code GB}, {@code TB}, {@code PB}: powers of 1000;</li>
 *   <li>the result must be a whole, positive number of bytes no larger than {@link Long#MAX_VALUE}.</li>
 * </ul>
 */
public final class ByteSizes {
    /** What a size must look like, for error messages that say what was expected. */
    public static final String EXPECTED = "a positive size such as 4GiB, 512 MiB, 2048M, 3GB or 1073741824";

    private static final Pattern SIZE = Pattern.compile("(\\d{1,30}(?:\\.\\d{1,30})?)\\s*([a-zA-Z]*)");
    private static final Map<String, Long> FACTORS = Map.ofEntries(
            Map.entry("", 1L), Map.entry("b", 1L),
            Map.entry("k", 1L << 10), Map.entry("kib", 1L << 10), Map.entry("kb", 1_000L),
            Map.entry("m", 1L << 20), Map.entry("mib", 1L << 20), Map.entry("mb", 1_000_000L),
            Map.entry("g", 1L << 30), Map.entry("gib", 1L << 30), Map.entry("gb", 1_000_000_000L),
            Map.entry("t", 1L << 40), Map.entry("tib", 1L << 40), Map.entry("tb", 1_000_000_000_000L),
            Map.entry("p", 1L << 50), Map.entry("pib", 1L << 50), Map.entry("pb", 1_000_000_000_000_000L));
    private static final String[] READING_UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    private static final long MIB = 1L << 20;

    private ByteSizes() {
    }

    /**
     * The number of bytes {@code text} stands for, in the grammar above; spaces around it are ignored.
     *
     * @param text a size such as {@code 4GiB}
     * @return a positive number of bytes
     * @throws IllegalArgumentException whose message names the value and says what was expected, when
     *                                  {@code text} is null, not in the grammar, zero, a fraction of a byte or
     *                                  too large
     */
    public static long parse(String text) {
        Matcher m = SIZE.matcher(text == null ? "" : text.strip());
        Long factor = m.matches() ? FACTORS.get(m.group(2).toLowerCase(Locale.ROOT)) : null;
        if (factor == null) {
            throw notASize(text);
        }
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(factor));
        if (bytes.signum() <= 0 || bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw notASize(text);
        }
        try {
            return bytes.longValueExact();
        } catch (ArithmeticException fractionOfAByte) {
            throw notASize(text);
        }
    }

    /**
     * A size for reading, in the largest binary unit that keeps the number at least 1, with at most one decimal:
     * {@code 512 B}, {@code 4 GiB}, {@code 1.5 GiB}.
     *
     * @param bytes a number of bytes, or null when unknown
     * @return the size, or {@code -} when {@code bytes} is null
     */
    public static String forReading(Long bytes) {
        if (bytes == null) {
            return "-";
        }
        double value = bytes;
        int unit = 0;
        // 1023.97 GiB reads as 1024.0 GiB once rounded: such a value moves up a unit too.
        while (value >= 1023.95 && unit < READING_UNITS.length - 1) {
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
        return number + " " + READING_UNITS[unit];
    }

    /**
     * A size for a message that a program may also compare, keeping the exact count:
     * {@code 2048 MiB (2147483648 bytes)}; a size that is not a whole number of MiB shows bytes only.
     *
     * @param bytes a number of bytes
     * @return the size with its exact byte count
     */
    public static String withExactBytes(long bytes) {
        return bytes % MIB == 0 ? (bytes / MIB) + " MiB (" + bytes + " bytes)" : bytes + " bytes";
    }

    private static IllegalArgumentException notASize(String text) {
        return new IllegalArgumentException("found '" + SafeText.of(text) + "', expected " + EXPECTED);
    }
}
