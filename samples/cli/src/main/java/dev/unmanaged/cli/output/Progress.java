package dev.unmanaged.cli.output;

import dev.unmanaged.api.operation.BulkOutcome;
import dev.unmanaged.api.operation.BulkResult;
import dev.unmanaged.api.text.SafeText;
import dev.unmanaged.core.BulkProgress;
import dev.unmanaged.core.BulkProgressListener;
import java.io.PrintWriter;
import java.util.function.Function;

/**
 * Shows a bulk run as it goes: a progress bar redrawn in place on a terminal, or one plain line per finished
 * item when the output is a file or a pipe (logs and CI keep every line). An item's key and detail are shown
 * escaped ({@link SafeText#escaped}): the bar's carriage returns and the lines' ends are the only control
 * characters it writes.
 *
 * @param <T> the result type of one item
 */
public final class Progress<T> implements BulkProgressListener<T> {
    private static final int BAR_WIDTH = 30;
    /**
     * The widest a bar line may be. A line wider than the terminal wraps, and a carriage return then only goes
     * back to the start of its last row: every redraw would leave a row behind. 79 fits the smallest usual
     * terminal.
     */
    static final int LINE_WIDTH = 79;
    private static final String ELLIPSIS = "...";
    private final PrintWriter out;
    private final boolean bar;
    private final int total;
    private final String verb;
    private final Function<BulkOutcome<T>, String> detail;
    private int lastWidth;
    private int done;

    Progress(PrintWriter out, boolean bar, int total, String verb, Function<BulkOutcome<T>, String> detail) {
        this.out = out;
        this.bar = bar;
        this.total = total;
        this.verb = verb;
        this.detail = detail;
    }

    /**
     * Progress for {@code total} items written to {@code out}.
     *
     * @param barAllowed false when {@code out} is not the terminal the user watches (e.g. stderr beside JSON)
     * @param verb       what a success is called, e.g. {@code imported}
     * @param detail     the words after an item's key in a plain line
     */
    public static <T> Progress<T> forOutput(PrintWriter out, boolean barAllowed, int total, String verb,
                                            Function<BulkOutcome<T>, String> detail) {
        return new Progress<>(out, barAllowed && Terminal.isInteractive(), total, verb, detail);
    }

    @Override
    public synchronized void onProgress(BulkProgress<T> progress) {
        BulkOutcome<T> outcome = progress.outcome();
        String key = SafeText.escaped(outcome.key());
        // Counted here rather than taken from progress.done(): workers report concurrently, lines come out in turn.
        done++;
        String status = switch (outcome.status()) {
            case SUCCEEDED -> verb;
            case FAILED -> "FAILED";
            case CANCELLED -> "cancelled";
        };
        if (bar) {
            int filled = total == 0 ? BAR_WIDTH : done * BAR_WIDTH / total;
            String counts = "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] " + done + "/" + total + "  ";
            String line = counts + elide(key, LINE_WIDTH - counts.length() - 1 - status.length()) + " "
                    + status;
            out.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
            lastWidth = line.length();
        } else {
            int width = String.valueOf(total).length();
            out.println(String.format("[%" + width + "d/%d] %s: %s", done, total, key,
                    outcome.status() == BulkOutcome.Status.SUCCEEDED ? verb
                            : status + " " + SafeText.escaped(detail.apply(outcome))));
        }
        out.flush();
    }

    /** {@code text}, or its start and an ellipsis when it is longer than {@code width}. */
    private static String elide(String text, int width) {
        if (text.length() <= width) {
            return text;
        }
        return text.substring(0, Math.max(0, width - ELLIPSIS.length())) + ELLIPSIS;
    }

    /** Ends the bar's line; nothing for plain lines. */
    public synchronized void finish() {
        if (bar && lastWidth > 0) {
            out.println();
            out.flush();
        }
    }

    /** {@code 8 imported, 2 failed, 0 cancelled}. */
    public static String totals(BulkResult<?> result, String verb) {
        return result.count(BulkOutcome.Status.SUCCEEDED) + " " + verb + ", "
                + result.count(BulkOutcome.Status.FAILED) + " failed, "
                + result.count(BulkOutcome.Status.CANCELLED) + " cancelled";
    }
}
