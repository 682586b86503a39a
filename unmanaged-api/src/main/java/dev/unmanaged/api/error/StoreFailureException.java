package dev.unmanaged.api.error;

import org.jspecify.annotations.Nullable;

/** The inventory store could not be reached, or failed in a way that is not a typed conflict. */
public class StoreFailureException extends UnmanagedException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed and what to check */
    public StoreFailureException(String message, @Nullable Throwable cause) {
        super(ErrorCode.STORE_FAILURE, message, cause);
    }
}
