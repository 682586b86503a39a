package dev.unmanaged.cli;

import dev.unmanaged.cli.output.ErrorOutput;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * A command line that does not parse: one line saying what is wrong (the user's words in it escaped and cut),
 * then where to find the options. An unknown command is answered with the commands there are.
 */
final class UsageErrorReporter implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException failure, String[] args) {
        CommandLine line = failure.getCommandLine();
        PrintWriter err = line.getErr();
        String unknownCommand = unknownCommand(failure);
        if (unknownCommand != null) {
            ErrorOutput.print(err, "unknown command '" + unknownCommand + "'; expected one of "
                    + String.join(", ", line.getSubcommands().keySet()));
        } else {
            ErrorOutput.print(err, failure.getMessage());
        }
        err.println("Run '" + line.getCommandSpec().qualifiedName(" ") + " --help' for the options.");
        err.flush();
        return ExitCodes.USAGE;
    }

    /** The word given where a command was expected, or null when the failure is about something else. */
    private static String unknownCommand(CommandLine.ParameterException failure) {
        if (!(failure instanceof CommandLine.UnmatchedArgumentException unmatched)
                || failure.getCommandLine().getSubcommands().isEmpty()) {
            return null;
        }
        List<String> words = unmatched.getUnmatched();
        return words.isEmpty() || words.get(0).startsWith("-") ? null : words.get(0);
    }
}
