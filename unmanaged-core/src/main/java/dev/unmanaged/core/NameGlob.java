package dev.unmanaged.core;

import java.util.regex.Pattern;

/** A name pattern as a person types it: {@code *} any run of characters, {@code ?} one; the rest literal. */
final class NameGlob {
    private final Pattern pattern;

    private NameGlob(Pattern pattern) {
        this.pattern = pattern;
    }

    /** The glob {@code text}; null matches every name. */
    static NameGlob of(String text) {
        if (text == null) {
            return new NameGlob(null);
        }
        var regex = new StringBuilder();
        for (String literal : text.split("(?=[*?])|(?<=[*?])")) {
            regex.append(switch (literal) {
                case "*" -> ".*";
                case "?" -> ".";
                default -> Pattern.quote(literal);
            });
        }
        return new NameGlob(Pattern.compile(regex.toString(), Pattern.DOTALL));
    }

    boolean matches(String name) {
        return pattern == null || pattern.matcher(name).matches();
    }
}
