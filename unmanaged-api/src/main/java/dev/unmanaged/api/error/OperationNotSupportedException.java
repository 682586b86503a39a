package dev.unmanaged.api.error;

import org.jspecify.annotations.Nullable;

/** The host or provider does not support the operation. */
public class OperationNotSupportedException extends UnmanagedException {
    private static final long serialVersionUID = 1L;

    /** @param message which operation, on which host */
    public OperationNotSupportedException(String message, @Nullable Throwable cause) {
        super(ErrorCode.OPERATION_NOT_SUPPORTED, message, cause);
    }
}
