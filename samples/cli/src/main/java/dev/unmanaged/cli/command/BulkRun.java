package dev.unmanaged.cli.command;

import dev.unmanaged.api.operation.BulkOutcome;
import dev.unmanaged.api.operation.BulkResult;
import dev.unmanaged.cli.ExitCodes;
import dev.unmanaged.cli.Interruption;
import dev.unmanaged.cli.output.HumanOutput;
import dev.unmanaged.cli.output.JsonOutput;
import dev.unmanaged.cli.output.Progress;
import dev.unmanaged.cli.output.Table;
import dev.unmanaged.core.BulkOperation;
import dev.unmanaged.core.BulkProgressListener;
import java.io.PrintWriter;
import java.util.function.Function;

/**
 * A bulk run as the commands show it: progress while it goes, then every outcome in a summary table with the
 * totals, or the whole result as JSON. Progress escapes what it shows itself; the summary is human output.
 */
final class BulkRun {
    private BulkRun() {
    }

    /**
     * Starts the run, shows it, and returns its result once every item has ended. When the tool is interrupted
     * meanwhile, no further item starts, the running ones finish, and the summary says so.
     *
     * @param verb   what a success is called, e.g. {@code imported}
     * @param detail the words for one outcome, whatever its status
     * @param start  starts the run, reporting to the listener it is given
     */
    static <T> BulkResult<T> show(PrintWriter out, PrintWriter err, boolean json, int total, String verb,
                                  Function<BulkOutcome<T>, String> detail,
                                  Function<BulkProgressListener<T>, BulkOperation<T>> start)
            throws InterruptedException {
        return show(out, err, json, total, new Report<>(verb, detail, result -> Progress.totals(result, verb),
                result -> result), start);
    }

    /**
     * How a run is reported.
     *
     * @param verb     what a success is called, e.g. {@code imported}
     * @param detail   the words for one outcome, whatever its status
     * @param totals   the closing line of the human summary
     * @param document the one JSON document printed for the result with --json
     */
    record Report<T>(String verb, Function<BulkOutcome<T>, String> detail, Function<BulkResult<T>, String> totals,
                     Function<BulkResult<T>, Object> document) {
    }

    /** As {@link #show(PrintWriter, PrintWriter, boolean, int, String, Function, Function)}, reported by {@code report}. */
    static <T> BulkResult<T> show(PrintWriter out, PrintWriter err, boolean json, int total, Report<T> report,
                                  Function<BulkProgressListener<T>, BulkOperation<T>> start)
            throws InterruptedException {
        String verb = report.verb();
        Function<BulkOutcome<T>, String> detail = report.detail();
        // With --json stdout holds the JSON document alone; the progress goes to stderr, as plain lines.
        Progress<T> progress = Progress.forOutput(json ? err : out, !json, total, verb, detail);
        BulkResult<T> result = Interruption.process().await(start.apply(progress));
        progress.finish();
        if (json) {
            JsonOutput.print(out, report.document().apply(result));
            sayIfInterrupted(err);
            return result;
        }
        PrintWriter human = HumanOutput.over(out);
        Table summary = Table.of("INSTANCE", "STATUS", "DETAIL");
        for (BulkOutcome<T> outcome : result.outcomes()) {
            summary.row(outcome.key(), outcome.status(), detail.apply(outcome));
        }
        human.println();
        summary.print(human);
        human.println();
        human.println(report.totals().apply(result));
        human.flush();
        sayIfInterrupted(human);
        return result;
    }

    private static void sayIfInterrupted(PrintWriter to) {
        if (Interruption.process().requested()) {
            to.println("Interrupted: the running items finished; the ones not started can be run again.");
            to.flush();
        }
    }

    /** The exit status of a run: interrupted, every item succeeded, or some did not. */
    static int exitCode(BulkResult<?> result) {
        if (Interruption.process().requested()) {
            return ExitCodes.INTERRUPTED;
        }
        return result.allSucceeded() ? ExitCodes.OK : ExitCodes.REQUEST_PROBLEM;
    }

    /** The words for an item the run never started. */
    static String notStarted() {
        return "not started: the run was cancelled";
    }
}
