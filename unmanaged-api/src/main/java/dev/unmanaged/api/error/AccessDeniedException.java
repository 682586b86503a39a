package dev.unmanaged.api.error;

import org.jspecify.annotations.Nullable;

/** The host refused an operation for lack of permission (e.g. a read-only connection asked to define). */
public class AccessDeniedException extends UnmanagedException {
    private static final long serialVersionUID = 1L;

    /** @param message what was refused, where, and what would allow it */
    public AccessDeniedException(String message, @Nullable Throwable cause) {
        super(ErrorCode.ACCESS_DENIED, message, cause);
    }
}
