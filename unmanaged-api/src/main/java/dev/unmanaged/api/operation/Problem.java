package dev.unmanaged.api.operation;

import dev.unmanaged.api.error.InvalidRequestException;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One problem found while planning an import (by a built-in check, or by an
 * {@link dev.unmanaged.api.spi.ImportRule} with a namespaced code of its own) or an unmanage.
 *
 * @param code     a stable code; {@link ProblemCode#RULE} for a rule's own problem
 * @param severity whether it blocks the import
 * @param subject  what it is about: {@code offering}, {@code nic 52:54:00:aa:bb:cc}, {@code disk vda}, …
 * @param message  the value found and what was expected
 * @param ruleCode a rule's namespaced code such as {@code acme.NO_GPU_IMPORT}; null for a built-in problem
 */
public record Problem(ProblemCode code, Severity severity, String subject, String message,
                      @Nullable String ruleCode) {
    /** A namespace of lower-case words and dots, a dot, then an upper-case code: {@code acme.NO_GPU_IMPORT}. */
    private static final Pattern RULE_CODE = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*\\.[A-Z][A-Z0-9_]*");

    public Problem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
        if ((code == ProblemCode.RULE) != (ruleCode != null)) {
            throw new InvalidRequestException("ruleCode", ruleCode == null ? "nothing" : ruleCode + " with code " + code,
                    "a rule code exactly when the code is RULE");
        }
        if (ruleCode != null && !RULE_CODE.matcher(ruleCode).matches()) {
            throw new InvalidRequestException("ruleCode", ruleCode,
                    "a namespaced code such as acme.NO_GPU_IMPORT (lower-case namespace, a dot, an upper-case code)");
        }
    }

    /** A built-in problem. */
    public Problem(ProblemCode code, Severity severity, String subject, String message) {
        this(code, severity, subject, message, null);
    }

    /** A blocking problem. */
    public static Problem block(ProblemCode code, String subject, String message) {
        return new Problem(code, Severity.BLOCK, subject, message);
    }

    /** A warning. */
    public static Problem warn(ProblemCode code, String subject, String message) {
        return new Problem(code, Severity.WARN, subject, message);
    }

    /**
     * A custom rule's problem.
     *
     * @param ruleCode a namespaced code such as {@code acme.NO_GPU_IMPORT}
     * @throws dev.unmanaged.api.error.InvalidRequestException when the code is not namespaced
     */
    public static Problem ofRule(String ruleCode, Severity severity, String subject, String message) {
        return new Problem(ProblemCode.RULE, severity, subject, message, Objects.requireNonNull(ruleCode, "ruleCode"));
    }

    /** The code as shown: a rule's namespaced code, else the built-in code's name. */
    public String codeName() {
        return ruleCode != null ? ruleCode : code.name();
    }

    /** True when this problem blocks the import. */
    public boolean blocks() {
        return severity == Severity.BLOCK;
    }
}
