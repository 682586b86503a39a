package dev.unmanaged.api.error;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The root of every error the library reports. Unchecked, so that workflows compose with lambdas; every
 * subclass carries a stable {@link ErrorCode}. Messages never contain secrets.
 */
public abstract class UnmanagedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    protected UnmanagedException(ErrorCode code, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    protected UnmanagedException(ErrorCode code, String message) {
        this(code, message, null);
    }

    /** The stable code of this error. */
    public ErrorCode code() {
        return code;
    }
}
