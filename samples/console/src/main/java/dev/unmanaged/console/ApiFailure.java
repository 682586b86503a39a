package dev.unmanaged.console;

/**
 * A failure of the HTTP layer itself, outside the library's typed errors: a path that does not exist, a missing
 * token, a body too large. It is answered like a typed error, {@code {"error": {"code", "message"}}}, with its own
 * stable code and HTTP status.
 */
final class ApiFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    ApiFailure(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static ApiFailure notFound(String path) {
        return new ApiFailure(404, "NOT_FOUND", "no such resource: " + path);
    }

    static ApiFailure methodNotAllowed(String method, String path, String allowed) {
        return new ApiFailure(405, "METHOD_NOT_ALLOWED", method + " " + path + " is not allowed; expected " + allowed);
    }

    static ApiFailure unauthorized() {
        return new ApiFailure(401, "UNAUTHORIZED",
                "this call changes the inventory; expected the header Authorization: Bearer TOKEN with the token the"
                        + " server printed at start (or read from UNMANAGED_TOKEN)");
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
