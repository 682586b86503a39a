package dev.unmanaged.console;

import dev.unmanaged.api.error.ErrorCode;

/** The HTTP status each typed error is answered with. */
final class ErrorStatus {
    private ErrorStatus() {
    }

    /** The status for {@code code}: the caller's mistakes are 4xx, a host's or the store's failures 5xx. */
    static int of(ErrorCode code) {
        return switch (code) {
            case INVALID_REQUEST, NO_PROVIDER -> 400;
            case INSTANCE_NOT_FOUND -> 404;
            case ALREADY_MANAGED, ADDRESS_IN_USE -> 409;
            case IMPORT_REJECTED -> 422;
            case OPERATION_NOT_SUPPORTED -> 501;
            case ACCESS_DENIED, INVALID_DEFINITION, PROVIDER_FAILURE -> 502;
            case HOST_UNAVAILABLE, STORE_FAILURE -> 503;
        };
    }
}
