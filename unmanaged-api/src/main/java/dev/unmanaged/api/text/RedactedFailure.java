package dev.unmanaged.api.text;

/**
 * Someone else's exception made fit to be the cause of a typed error: its class name and its message passed
 * through {@link SecretRedaction#redact}, its stack trace, and its causes made fit likewise. A stack trace
 * printed for debugging then shows where a failure came from without the secrets its messages quoted.
 */
public final class RedactedFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /** How many causes deep a copy goes; a longer chain is cut there. */
    private static final int MAX_DEPTH = 16;

    private RedactedFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** A redacted copy of {@code failure} and its causes; null for null. */
    public static RedactedFailure of(Throwable failure) {
        return of(failure, 0);
    }

    private static RedactedFailure of(Throwable failure, int depth) {
        if (failure == null || depth >= MAX_DEPTH) {
            return null;
        }
        if (failure instanceof RedactedFailure already && depth == 0) {
            return already;
        }
        Throwable next = failure.getCause() == failure ? null : failure.getCause();
        var copy = new RedactedFailure(failure.getClass().getName() + ": " + SecretRedaction.messageOf(failure),
                of(next, depth + 1));
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }
}
