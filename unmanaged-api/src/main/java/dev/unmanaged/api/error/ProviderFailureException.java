package dev.unmanaged.api.error;

import org.jspecify.annotations.Nullable;

/** A provider failed in a way that none of the other typed errors describes. */
public class ProviderFailureException extends UnmanagedException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed, on which host */
    public ProviderFailureException(String message, @Nullable Throwable cause) {
        super(ErrorCode.PROVIDER_FAILURE, message, cause);
    }
}
