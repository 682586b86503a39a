package dev.unmanaged.core;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Host-name rules for display names: an RFC 1123 label that also starts with a letter, as guests and DNS
 * expect (the same rule CloudStack applies to instance host names).
 */
final class HostNames {
    static final int MAX_LENGTH = 63;
    static final String EXPECTED = "a host name label (RFC 1123): 1-" + MAX_LENGTH
            + " ASCII letters, digits and hyphens, starting with a letter and not ending with a hyphen";

    private static final Pattern LABEL = Pattern.compile("[A-Za-z]([A-Za-z0-9-]*[A-Za-z0-9])?");

    private HostNames() {
    }

    /** Why {@code name} is not a valid host name, or empty when it is. */
    static Optional<String> whyInvalid(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("it is empty");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("it is " + name.length() + " characters long");
        }
        if (!LABEL.matcher(name).matches()) {
            return Optional.of("it holds a character or a first/last character that a host name may not");
        }
        return Optional.empty();
    }
}
