package dev.unmanaged.cli;

import dev.unmanaged.api.text.SecretRedaction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A stream that passes each line through {@link SecretRedaction#redact} before writing it on: what the embedded
 * libraries log (HikariCP, Flyway, the JDBC drivers) quotes JDBC URLs and driver messages that may hold a
 * password. Text is held until its line ends (or the writer flushes), so that a secret is not split across the
 * writes that make up a line.
 */
final class RedactingStream extends OutputStream {
    private final OutputStream target;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    private RedactingStream(OutputStream target) {
        this.target = target;
    }

    /** A print stream over {@code target} that redacts each line; {@code target} itself if it already does. */
    static PrintStream over(PrintStream target) {
        if (target instanceof Redacting) {
            return target;
        }
        return new Redacting(new RedactingStream(target));
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n') {
            writeLine();
            target.flush();
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        writeLine();
        target.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        flush();
    }

    private void writeLine() throws IOException {
        if (line.size() == 0) {
            return;
        }
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        target.write(SecretRedaction.redact(text).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Marks a print stream that already redacts, so that it is not wrapped twice. Without auto-flush: a print
     * stream that flushes after every write would hand over a line in pieces; each line is flushed as it ends.
     */
    private static final class Redacting extends PrintStream {
        Redacting(RedactingStream out) {
            super(out, false, StandardCharsets.UTF_8);
        }
    }
}
