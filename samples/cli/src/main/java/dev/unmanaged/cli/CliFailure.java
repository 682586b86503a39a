package dev.unmanaged.cli;

/** A failure the tool itself detects (an unreadable file, a malformed plan), with its exit status. */
public final class CliFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    /**
     * @param exitCode one of {@link ExitCodes}
     * @param message  what failed, with which value, and what was expected
     */
    public CliFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /** A problem in the request: exit status 1. */
    public static CliFailure request(String message) {
        return new CliFailure(ExitCodes.REQUEST_PROBLEM, message);
    }

    /** The exit status. */
    public int exitCode() {
        return exitCode;
    }
}
