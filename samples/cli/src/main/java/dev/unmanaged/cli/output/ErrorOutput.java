package dev.unmanaged.cli.output;

import dev.unmanaged.api.text.SafeText;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Error lines on stderr. A message quotes values from hosts, files and the command line (an unknown instance's
 * name, a bad option value), so it is shown escaped and cut ({@link SafeText#of(Object, int)}): one line each,
 * whatever the value holds, and a 100 KB name costs at most {@link #MAX_MESSAGE_LENGTH} characters.
 */
public final class ErrorOutput {
    /** How many characters of a message are shown before it is cut. */
    public static final int MAX_MESSAGE_LENGTH = 1000;

    private ErrorOutput() {
    }

    /** Writes {@code error: MESSAGE}. */
    public static void print(PrintWriter err, String message) {
        print(err, message, "");
    }

    /** Writes {@code error: MESSAGE HINT}; the hint is the tool's own words and never cut. */
    public static void print(PrintWriter err, String message, String hint) {
        err.println("error: " + text(message) + hint);
        err.flush();
    }

    /** {@code message} as an error line shows it. */
    public static String text(String message) {
        return SafeText.of(message, MAX_MESSAGE_LENGTH);
    }

    /** A stack trace (with --debug), each of its lines escaped, so a message in it cannot drive the terminal. */
    public static void printStackTrace(PrintWriter err, Throwable failure) {
        var trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        // A trace's own lines start with a tab; the rest of each line is escaped.
        trace.toString().lines().forEach(line -> err.println(
                line.startsWith("\t") ? "\t" + SafeText.escaped(line.substring(1)) : SafeText.escaped(line)));
        err.flush();
    }
}
