package dev.unmanaged.cli;

/**
 * Log output of the libraries the tool embeds. An operator reads the tool's own messages; library logs only
 * appear when something is wrong, or everything with {@code --debug}.
 */
final class Logging {
    private Logging() {
    }

    /** Must run before the first logger is created: slf4j-simple reads these properties once. */
    static void configure(boolean debug) {
        setDefault("org.slf4j.simpleLogger.defaultLogLevel", debug ? "debug" : "error");
        setDefault("org.slf4j.simpleLogger.logFile", "System.err");
        setDefault("org.slf4j.simpleLogger.showThreadName", debug ? "true" : "false");
        setDefault("org.slf4j.simpleLogger.showLogName", "true");
        setDefault("org.slf4j.simpleLogger.showShortLogName", "true");
        // Connection-pool and migration chatter is noise even when debugging the tool.
        setDefault("org.slf4j.simpleLogger.log.com.zaxxer.hikari", debug ? "info" : "error");
        setDefault("org.slf4j.simpleLogger.log.org.flywaydb", debug ? "info" : "error");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
