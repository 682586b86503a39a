package dev.unmanaged.cli;

import dev.unmanaged.api.error.ErrorCode;
import dev.unmanaged.api.error.UnmanagedException;
import dev.unmanaged.api.text.RedactedFailure;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Turns a failed command into one clear line on stderr and an exit status: what failed, with which value, and
 * what to do. A stack trace only with {@code --debug}.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
    private final boolean debug;

    ErrorReporter(boolean debug) {
        this.debug = debug;
    }

    @Override
    public int handleExecutionException(Exception failure, CommandLine line, CommandLine.ParseResult parsed) {
        PrintWriter err = line.getErr();
        if (debug) {
            // Causes quote other software's text (a driver's message, a JDBC URL): printed redacted.
            RedactedFailure.of(failure).printStackTrace(err);
        }
        int status;
        if (failure instanceof CommandLine.ParameterException usage) {
            err.println("error: " + usage.getMessage());
            err.println("Run 'unmanaged " + line.getCommandName() + " --help' for the options.");
            status = ExitCodes.USAGE;
        } else if (failure instanceof CliFailure cli) {
            err.println("error: " + cli.getMessage());
            status = cli.exitCode();
        } else if (failure instanceof UnmanagedException typed) {
            err.println("error: " + typed.getMessage() + hint(typed.code()));
            status = ExitCodes.of(typed.code());
        } else {
            err.println("error: unexpected failure: " + failure + (debug ? "" : " (run with --debug for details)"));
            status = ExitCodes.REQUEST_PROBLEM;
        }
        err.flush();
        return status;
    }

    /** What the user can do about an error, when the message itself does not say. */
    static String hint(ErrorCode code) {
        return switch (code) {
            case HOST_UNAVAILABLE -> " (check the --connect URI and that the host's libvirt accepts connections)";
            case STORE_FAILURE -> " (check --store, the database and its credentials)";
            case INSTANCE_NOT_FOUND -> " (run 'unmanaged list' or 'unmanaged inventory' for the names)";
            case ALREADY_MANAGED -> " (see 'unmanaged inventory'; to import it with other settings, unmanage it first)";
            default -> "";
        };
    }
}
