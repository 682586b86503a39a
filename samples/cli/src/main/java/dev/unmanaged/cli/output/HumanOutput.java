package dev.unmanaged.cli.output;

import dev.unmanaged.api.text.SafeText;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * The writer of the tool's human output (tables, describe, plans, results, summaries). Values in it come from
 * hosts, files and the command line, so every character written is passed through {@link SafeText#escaped}: a
 * line feed, carriage return, ESC, 8-bit CSI or bidi override in a value is shown as a visible escape
 * ({@code \n}, {@code \u202e}) and can neither forge a line nor drive the terminal. The only line breaks it
 * writes are those of {@code println}. Machine output ({@code --json}) uses the command's own writer instead.
 */
public final class HumanOutput extends PrintWriter {
    private HumanOutput(Writer target) {
        super(target);
    }

    /** Human output onto {@code target}; {@code target} itself when it already is one. */
    public static HumanOutput over(PrintWriter target) {
        return target instanceof HumanOutput human ? human : new HumanOutput(target);
    }

    @Override
    public void write(int c) {
        write(String.valueOf((char) c));
    }

    @Override
    public void write(char[] buf, int off, int len) {
        write(new String(buf, off, len));
    }

    @Override
    public void write(String s, int off, int len) {
        String safe = SafeText.escaped(s.substring(off, off + len));
        super.write(safe, 0, safe.length());
    }

    /** Ends the line: the one way a line break reaches the output. */
    @Override
    public void println() {
        synchronized (lock) {
            try {
                out.write(System.lineSeparator());
            } catch (IOException e) {
                setError();
            }
        }
    }
}
