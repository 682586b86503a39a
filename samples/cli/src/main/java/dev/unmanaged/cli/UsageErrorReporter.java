package dev.unmanaged.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** A command line that does not parse: one line saying what is wrong, then where to find the options. */
final class UsageErrorReporter implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException failure, String[] args) {
        CommandLine line = failure.getCommandLine();
        PrintWriter err = line.getErr();
        err.println("error: " + failure.getMessage());
        String path = line.getCommandSpec().qualifiedName(" ");
        err.println("Run '" + path + " --help' for the options.");
        err.flush();
        return ExitCodes.USAGE;
    }
}
