package dev.unmanaged.kvm.xml;

import dev.unmanaged.kvm.xml.DomainXmlException.Reason;

/** Reads the numbers and flags of a domain document, failing with an error that names the field. */
final class Values {
    private Values() {
    }

    /** The value without surrounding whitespace; null when absent or blank. */
    static String text(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /** A whole number in {@code [min, max]}; null when absent or blank. */
    static Long longIn(String field, String raw, long min, long max, String expected) {
        String value = text(raw);
        if (value == null) {
            return null;
        }
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw invalid(field, value, expected);
        }
        if (parsed < min || parsed > max) {
            throw invalid(field, value, expected);
        }
        return parsed;
    }

    /** A whole number in {@code [min, max]} that fits an int; null when absent or blank. */
    static Integer intIn(String field, String raw, int min, int max, String expected) {
        Long parsed = longIn(field, raw, min, max, expected);
        return parsed == null ? null : parsed.intValue();
    }

    /** A per-device boot order (1 or more); null when absent. */
    static Integer bootOrder(String field, String raw) {
        return intIn(field, raw, 1, Integer.MAX_VALUE, "a whole number of at least 1");
    }

    /** libvirt's yes/no (also on/off); null when absent or not a recognised word. */
    static Boolean yesNo(String raw) {
        String value = text(raw);
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "yes", "on" -> Boolean.TRUE;
            case "no", "off" -> Boolean.FALSE;
            default -> null;
        };
    }

    static DomainXmlException invalid(String field, String value, String expected) {
        return new DomainXmlException(Reason.INVALID_VALUE, field, value, expected);
    }
}
