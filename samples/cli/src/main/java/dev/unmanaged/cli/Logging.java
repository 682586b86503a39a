package dev.unmanaged.cli;

import java.io.PrintStream;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;

/**
 * Log output of the libraries the tool embeds. An operator reads the tool's own messages; library logs only
 * appear when something is wrong, or everything with {@code --debug}. Every log line, whether written through
 * SLF4J (slf4j-simple) or through {@code java.util.logging} (used by the PostgreSQL driver), goes to a standard
 * error that passes each line through {@link dev.unmanaged.api.text.SecretRedaction}: libraries quote JDBC URLs
 * and driver messages, which may hold the store's password.
 */
final class Logging {
    private Logging() {
    }

    /** Must run before the first logger is created: slf4j-simple reads these properties once. */
    static void configure(boolean debug) {
        // slf4j-simple looks System.err up at each line, so the redacting stream set here carries its lines.
        System.setErr(RedactingStream.over(System.err));
        setDefault("org.slf4j.simpleLogger.defaultLogLevel", debug ? "debug" : "error");
        setDefault("org.slf4j.simpleLogger.logFile", "System.err");
        setDefault("org.slf4j.simpleLogger.showThreadName", debug ? "true" : "false");
        setDefault("org.slf4j.simpleLogger.showLogName", "true");
        setDefault("org.slf4j.simpleLogger.showShortLogName", "true");
        // Connection-pool and migration chatter is noise even when debugging the tool.
        setDefault("org.slf4j.simpleLogger.log.com.zaxxer.hikari", debug ? "info" : "error");
        setDefault("org.slf4j.simpleLogger.log.org.flywaydb", debug ? "info" : "error");
        configureJavaUtilLogging(debug);
    }

    /**
     * The PostgreSQL driver logs through {@code java.util.logging}, whose console handler would print its
     * warnings (such as an invalid port in the URL) on the original standard error. Its handler is replaced by
     * one on the redacting standard error, at the same threshold as the SLF4J logs: errors only ({@code SEVERE};
     * the driver's warnings stay silent) unless {@code --debug}.
     */
    private static void configureJavaUtilLogging(boolean debug) {
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        root.setLevel(debug ? Level.INFO : Level.SEVERE);
        root.addHandler(new StandardErrorHandler(System.err));
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** Like the console handler, but on the given (redacting) stream rather than the one it captured at start. */
    private static final class StandardErrorHandler extends StreamHandler {
        StandardErrorHandler(PrintStream err) {
            super(err, new SimpleFormatter());
            setLevel(Level.ALL);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            super.publish(record);
            flush();
        }

        /** Flushes only: standard error stays open for whatever runs after logging shuts down. */
        @Override
        public synchronized void close() {
            flush();
        }
    }
}
