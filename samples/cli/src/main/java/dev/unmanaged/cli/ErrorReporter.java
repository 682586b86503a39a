package dev.unmanaged.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.unmanaged.api.error.ErrorCode;
import dev.unmanaged.api.error.UnmanagedException;
import dev.unmanaged.api.text.RedactedFailure;
import dev.unmanaged.cli.output.ErrorOutput;
import dev.unmanaged.cli.output.JsonOutput;
import dev.unmanaged.json.UnmanagedJson;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Turns a failed command into one clear line on stderr and an exit status: what failed, with which value, and
 * what to do. A stack trace only with {@code --debug}. A command run with {@code --json} also prints the error
 * as {@code {"error": {"code": ..., "message": ...}}} on stdout, so a script reading stdout sees why.
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
            ErrorOutput.printStackTrace(err, RedactedFailure.of(failure));
        }
        if (failure instanceof CommandLine.ParameterException usage) {
            ErrorOutput.print(err, usage.getMessage());
            err.println("Run '" + line.getCommandSpec().qualifiedName(" ") + " --help' for the options.");
            err.flush();
            return ExitCodes.USAGE;
        }
        int status;
        ObjectNode error = UnmanagedJson.mapper().createObjectNode();
        if (failure instanceof CliFailure cli) {
            ErrorOutput.print(err, cli.getMessage());
            status = cli.exitCode();
            error.put("code", (status == ExitCodes.UNREACHABLE ? ErrorCode.STORE_FAILURE : ErrorCode.INVALID_REQUEST)
                    .name());
            error.put("message", cli.getMessage());
        } else if (failure instanceof UnmanagedException typed) {
            ErrorOutput.print(err, typed.getMessage(), hint(typed.code(), storeGiven(line)));
            status = ExitCodes.of(typed.code());
            error = UnmanagedJson.mapper().valueToTree(typed);
        } else {
            ErrorOutput.print(err, "unexpected failure: " + failure, debug ? "" : " (run with --debug for details)");
            return ExitCodes.REQUEST_PROBLEM;
        }
        if (asksForJson(line)) {
            ObjectNode document = UnmanagedJson.mapper().createObjectNode();
            document.set("error", error);
            JsonOutput.print(line.getOut(), document);
        }
        return status;
    }

    private static boolean asksForJson(CommandLine line) {
        CommandLine.ParseResult parsed = line.getParseResult();
        return parsed != null && parsed.hasMatchedOption("--json");
    }

    /** True when the failed command was given --store: only then do hints name it. */
    private static boolean storeGiven(CommandLine line) {
        CommandLine.ParseResult parsed = line.getParseResult();
        return parsed != null && parsed.hasMatchedOption("--store");
    }

    /**
     * What the user can do about an error, when the message itself does not say.
     *
     * @param storeGiven whether the command was given --store; the default inventory has no settings to check
     */
    static String hint(ErrorCode code, boolean storeGiven) {
        return switch (code) {
            case HOST_UNAVAILABLE -> " (check the --connect URI and that the host accepts connections)";
            case STORE_FAILURE -> storeGiven ? " (check --store, the database and its credentials)" : "";
            case INSTANCE_NOT_FOUND -> " (run 'unmanaged list' or 'unmanaged inventory' for the names)";
            case ALREADY_MANAGED -> " (see 'unmanaged inventory'; to import it with other settings, unmanage it first)";
            default -> "";
        };
    }
}
