package dev.unmanaged.cli;

import dev.unmanaged.cli.command.CatalogCommand;
import dev.unmanaged.cli.command.DescribeCommand;
import dev.unmanaged.cli.command.ImportCommand;
import dev.unmanaged.cli.command.InventoryCommand;
import dev.unmanaged.cli.command.ListCommand;
import dev.unmanaged.cli.command.ParseCommand;
import dev.unmanaged.cli.command.ServeCommand;
import dev.unmanaged.cli.command.UnmanageCommand;
import dev.unmanaged.cli.command.WatchCommand;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code unmanaged} command: lists the virtual machines an inventory does not manage, imports them, and
 * unmanages managed ones. Exit codes are those of {@link ExitCodes}.
 */
@Command(name = "unmanaged",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "List the virtual machines on hypervisor hosts that the inventory does not manage, import them"
                        + " into the inventory, and unmanage managed ones without losing them.",
                "",
                "Without --connect the host is the bundled demo host; without --store the inventory is an embedded"
                        + " H2 database under $UNMANAGED_HOME (default ~/.unmanaged), seeded with a demo catalog."},
        subcommands = {
                ListCommand.class,
                WatchCommand.class,
                DescribeCommand.class,
                ImportCommand.class,
                UnmanageCommand.class,
                InventoryCommand.class,
                CatalogCommand.class,
                ParseCommand.class,
                ServeCommand.class,
                VersionCommand.class,
                CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {
                "  0  success",
                "  1  a problem in the request, or a failed item",
                "  2  usage error",
                "  3  a host or the inventory store could not be reached",
                "130  interrupted (Ctrl-C); a bulk run lets its running items finish first"})
public final class UnmanagedCli implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its status; an interrupted bulk run ends cleanly first. */
    public static void main(String[] args) {
        Interruption.process().install();
        Interruption.process().exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line, writing to {@code out} and {@code err}; returns the exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        boolean debug = Arrays.asList(args).contains("--debug");
        Logging.configure(debug);
        CommandLine line = new CommandLine(new UnmanagedCli());
        line.setOut(out);
        line.setErr(err);
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setUsageHelpAutoWidth(true);
        line.setExecutionExceptionHandler(new ErrorReporter(debug));
        line.setParameterExceptionHandler(new UsageErrorReporter());
        return line.execute(args);
    }

    @Override
    public void run() {
        // `unmanaged` alone: show what it can do.
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
