package dev.unmanaged.cli;

import dev.unmanaged.api.error.ErrorCode;

/** The exit statuses of the tool; documented in docs/cli.md and the usage footer. */
public final class ExitCodes {
    /** Everything asked for was done. */
    public static final int OK = 0;
    /** The request has a problem (a blocked import, an unknown instance) or an item of a bulk run failed. */
    public static final int REQUEST_PROBLEM = 1;
    /** The command line itself is wrong. */
    public static final int USAGE = 2;
    /** A host or the inventory store could not be reached. */
    public static final int UNREACHABLE = 3;
    /** The run was interrupted (Ctrl-C, SIGINT, SIGTERM): 128 + SIGINT's number, as shells report it. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }

    /** The exit status for a typed error. */
    public static int of(ErrorCode code) {
        return switch (code) {
            case HOST_UNAVAILABLE, STORE_FAILURE -> UNREACHABLE;
            default -> REQUEST_PROBLEM;
        };
    }
}
