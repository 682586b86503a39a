package dev.unmanaged.kvm.xml;

import java.math.BigInteger;
import java.util.Locale;

/**
 * libvirt's scaled integers: a non-negative whole number and a unit. {@code b}/{@code bytes} are bytes; a
 * letter alone ({@code k}, {@code M}, {@code G}, {@code T}, {@code P}, {@code E}) or with {@code iB} is a power
 * of 1024; with {@code B} ({@code KB}, {@code MB}, …) a power of 1000. Units are case-insensitive, as in libvirt.
 * The result must fit a signed 64-bit number of bytes.
 */
final class ScaledSize {
    private static final String UNITS = "b, bytes, KB, k, KiB, MB, M, MiB, GB, G, GiB, TB, T, TiB, PB, P, PiB, "
            + "EB, E, EiB";
    /** The digits of {@link Long#MAX_VALUE}. */
    private static final int MAX_SIGNIFICANT_DIGITS = 19;

    private ScaledSize() {
    }

    /**
     * @param field       the element named in errors, e.g. {@code <memory>}
     * @param raw         the number as written
     * @param unit        the unit as written, null for the default
     * @param defaultUnit the unit libvirt assumes when none is written (KiB for memory)
     * @return the size in bytes, or null when {@code raw} is absent or blank
     */
    static Long bytes(String field, String raw, String unit, String defaultUnit) {
        String value = Values.text(raw);
        if (value == null) {
            return null;
        }
        String unitText = Values.text(unit);
        long multiplier = multiplier(field, unitText == null ? defaultUnit : unitText);
        if (!value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw Values.invalid(field, value, "a non-negative whole number" + (unitText == null ? " of "
                    + defaultUnit : " of " + unitText));
        }
        // More significant digits than Long.MAX_VALUE has cannot fit whatever the unit. Refusing them before
        // BigInteger matters: its conversion takes quadratic time, minutes for a number of a few megabytes.
        int significant = value.length() - leadingZeros(value);
        if (significant > MAX_SIGNIFICANT_DIGITS) {
            throw tooLarge(field, value, unitText);
        }
        BigInteger bytes = new BigInteger(value).multiply(BigInteger.valueOf(multiplier));
        if (bytes.bitLength() > 63) {
            throw tooLarge(field, value, unitText);
        }
        return bytes.longValueExact();
    }

    private static int leadingZeros(String digits) {
        int zeros = 0;
        while (zeros < digits.length() - 1 && digits.charAt(zeros) == '0') {
            zeros++;
        }
        return zeros;
    }

    private static DomainXmlException tooLarge(String field, String value, String unit) {
        return Values.invalid(field, value + (unit == null ? "" : " " + unit),
                "a size of at most " + Long.MAX_VALUE + " bytes");
    }

    private static long multiplier(String field, String unit) {
        String lower = unit.toLowerCase(Locale.ROOT);
        if (lower.equals("b") || lower.equals("byte") || lower.equals("bytes")) {
            return 1;
        }
        int power = switch (lower.charAt(0)) {
            case 'k' -> 1;
            case 'm' -> 2;
            case 'g' -> 3;
            case 't' -> 4;
            case 'p' -> 5;
            case 'e' -> 6;
            default -> throw unknownUnit(field, unit);
        };
        String rest = lower.substring(1);
        long base;
        if (rest.isEmpty() || rest.equals("ib")) {
            base = 1024;
        } else if (rest.equals("b")) {
            base = 1000;
        } else {
            throw unknownUnit(field, unit);
        }
        long multiplier = 1;
        for (int i = 0; i < power; i++) {
            multiplier *= base; // at most 1024^6 = 2^60, no overflow
        }
        return multiplier;
    }

    private static DomainXmlException unknownUnit(String field, String unit) {
        return Values.invalid(field + " unit", unit, "one of " + UNITS);
    }
}
