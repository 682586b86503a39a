package dev.unmanaged.core;

/**
 * Makes untrusted text (instance names, paths, host ids, provider messages) safe to put on one log line or
 * into a message: control and line-separator characters are escaped and very long values are shortened.
 */
final class SafeText {
    static final int MAX_LENGTH = 160;

    private SafeText() {
    }

    /** {@code text} escaped and shortened; {@code "null"} for null. */
    static String of(Object text) {
        return of(text, MAX_LENGTH);
    }

    /** {@code text} escaped and shortened to {@code maxLength} characters. */
    static String of(Object text, int maxLength) {
        if (text == null) {
            return "null";
        }
        String value = text.toString();
        var out = new StringBuilder(Math.min(value.length(), maxLength) + 16);
        int shown = 0;
        for (int i = 0; i < value.length(); i++) {
            if (shown >= maxLength) {
                out.append("...(").append(value.length()).append(" chars)");
                break;
            }
            char c = value.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
            shown++;
        }
        return out.toString();
    }

    /** {@code text} escaped, shortened and put in single quotes. */
    static String quoted(Object text) {
        return text == null ? "nothing" : "'" + of(text) + "'";
    }

    /**
     * A host id fit for logs: a password in the user-info part of a URI ({@code user:pw@host}) is masked,
     * because host ids are often connection URIs.
     */
    static String host(String hostId) {
        if (hostId == null) {
            return "null";
        }
        return of(hostId.replaceAll("(//[^/@:]*):[^/@]*@", "$1:***@"));
    }
}
