package dev.unmanaged.api.text;

import org.jspecify.annotations.Nullable;

/**
 * Makes untrusted text (instance names, paths, host ids, messages of other software, echoes of user input) safe
 * for human output and for one log line: every character that could break or forge a line, move the cursor, or
 * reorder what a terminal shows is written as a visible escape, and long values are shortened.
 *
 * <p>Escaped: C0 and C1 control characters (including ESC and the 8-bit CSI {@code U+009B}) as {@code \n},
 * {@code \r}, {@code \t} or {@code \}{@code uXXXX}; the line and paragraph separators {@code U+2028},
 * {@code U+2029}; the bidirectional formatting characters {@code U+061C}, {@code U+200E}, {@code U+200F},
 * {@code U+202A}–{@code U+202E}, {@code U+2066}–{@code U+2069}; and the byte-order mark {@code U+FEFF}. A
 * backslash is kept as it is, so the escaped form is for reading, not for reversing; machine output (JSON) keeps
 * the true value instead.
 */
public final class SafeText {
    /** How many characters {@link #of(Object)} keeps before it shortens. */
    public static final int DEFAULT_MAX_LENGTH = 160;

    private SafeText() {
    }

    /** {@code text} escaped and cut to {@link #DEFAULT_MAX_LENGTH} characters; {@code "null"} for null. */
    public static String of(@Nullable Object text) {
        return of(text, DEFAULT_MAX_LENGTH);
    }

    /**
     * {@code text} escaped and cut after {@code maxLength} characters of the original, the cut saying how long
     * the original was; {@code "null"} for null.
     */
    public static String of(@Nullable Object text, int maxLength) {
        if (text == null) {
            return "null";
        }
        String value = text.toString();
        var out = new StringBuilder(Math.min(value.length(), maxLength) + 16);
        for (int i = 0; i < value.length(); i++) {
            if (i >= maxLength) {
                out.append("...(").append(value.length()).append(" chars)");
                break;
            }
            appendEscaped(out, value.charAt(i));
        }
        return out.toString();
    }

    /** {@code text} escaped, whatever its length; {@code "null"} for null. For values a table shows whole. */
    public static String escaped(@Nullable Object text) {
        return of(text, Integer.MAX_VALUE);
    }

    /** {@code text} escaped, shortened and put in single quotes; {@code nothing} for null. */
    public static String quoted(@Nullable Object text) {
        return text == null ? "nothing" : "'" + of(text) + "'";
    }

    /** Whether {@link #escaped(Object)} would change {@code text}. */
    public static boolean needsEscaping(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (isUnsafe(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A host id fit for output: a password in the user-info part of a URI ({@code user:pw@host}) and any
     * password-like query parameter are masked, because host ids are often connection URIs; then escaped.
     */
    public static String host(@Nullable String hostId) {
        if (hostId == null) {
            return "null";
        }
        return of(SecretRedaction.redact(hostId));
    }

    /** Whether {@code c} is shown escaped. */
    static boolean isUnsafe(char c) {
        return Character.isISOControl(c) || isBidiControl(c) || c == '\u2028' || c == '\u2029' || c == '\uFEFF';
    }

    private static boolean isBidiControl(char c) {
        return c == '\u061C' || c == '\u200E' || c == '\u200F'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    private static void appendEscaped(StringBuilder out, char c) {
        switch (c) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> {
                if (isUnsafe(c)) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
    }
}
