package dev.unmanaged.api.operation;

import java.util.Objects;

/**
 * One problem found while planning an import.
 *
 * @param code     a stable code
 * @param severity whether it blocks the import
 * @param subject  what it is about: {@code offering}, {@code nic 52:54:00:aa:bb:cc}, {@code disk vda}, …
 * @param message  the value found and what was expected
 */
public record Problem(ProblemCode code, Severity severity, String subject, String message) {
    public Problem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
    }

    /** A blocking problem. */
    public static Problem block(ProblemCode code, String subject, String message) {
        return new Problem(code, Severity.BLOCK, subject, message);
    }

    /** A warning. */
    public static Problem warn(ProblemCode code, String subject, String message) {
        return new Problem(code, Severity.WARN, subject, message);
    }

    /** True when this problem blocks the import. */
    public boolean blocks() {
        return severity == Severity.BLOCK;
    }
}
