package dev.unmanaged.reliability.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.event.Level;

/**
 * Every log event of the test JVM, at every level down to TRACE, as the library formatted it. Filled by
 * {@link CapturingServiceProvider}, which SLF4J finds on the test class path; tests read and clear it.
 */
public final class CapturedLogs {
    private static final ConcurrentLinkedQueue<Event> EVENTS = new ConcurrentLinkedQueue<>();

    private CapturedLogs() {
    }

    /** One log call: its level, logger, formatted message and, when one was logged, the throwable's full text. */
    public record Event(Level level, String logger, String message, String throwableText) {
        /** The message and the throwable text, as a log file would hold them. */
        public String fullText() {
            return throwableText == null ? message : message + "\n" + throwableText;
        }
    }

    static void record(Level level, String logger, String message, Throwable throwable) {
        String throwableText = null;
        if (throwable != null) {
            var out = new StringWriter();
            throwable.printStackTrace(new PrintWriter(out));
            throwableText = out.toString();
        }
        EVENTS.add(new Event(level, logger, message, throwableText));
        if (level == Level.ERROR) {
            System.err.println("[captured ERROR] " + logger + " - " + message);
        }
    }

    /** Every event captured since the last {@link #clear()}. */
    public static List<Event> events() {
        return new ArrayList<>(EVENTS);
    }

    /** Forgets every event captured so far. */
    public static void clear() {
        EVENTS.clear();
    }

    /**
     * The library's events (loggers under {@code dev.unmanaged}) whose message spans more than one line, i.e. a
     * log line an attacker could forge. Third-party loggers (Flyway's SQL echo, …) are not the library's.
     */
    public static List<Event> multiLineMessages() {
        return events().stream().filter(e -> e.logger().startsWith("dev.unmanaged"))
                .filter(e -> e.message() != null && e.message().chars()
                .anyMatch(c -> c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029')).toList();
    }
}
