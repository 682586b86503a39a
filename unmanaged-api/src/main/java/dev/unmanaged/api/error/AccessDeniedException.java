package dev.unmanaged.api.error;

/** The host refused an operation for lack of permission (e.g. a read-only connection asked to define). */
public class AccessDeniedException extends UnmanagedException {
    private static final long serialVersionUID = 1L;

    /** @param message what was refused, where, and what would allow it */
    public AccessDeniedException(String message, Throwable cause) {
        super(ErrorCode.ACCESS_DENIED, message, cause);
    }
}
