package dev.unmanaged.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code unmanaged version}: the same lines as {@code unmanaged --version}. */
@Command(name = "version", mixinStandardHelpOptions = true,
        description = "Show the tool's version and the Java it runs on (the same as --version).")
public final class VersionCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (String line : new VersionProvider().getVersion()) {
            out.println(line);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
