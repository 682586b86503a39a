package dev.unmanaged.cli.output;

/** Whether output goes to a person at a terminal. */
public final class Terminal {
    /** Set to {@code lines} or {@code bar} to choose the progress display whatever the output is. */
    public static final String PROGRESS_VARIABLE = "UNMANAGED_PROGRESS";

    private Terminal() {
    }

    /** True when stdin and stdout are a terminal (Java 17's console rule) and the terminal is not "dumb". */
    public static boolean isInteractive() {
        String forced = System.getenv(PROGRESS_VARIABLE);
        if ("bar".equalsIgnoreCase(forced)) {
            return true;
        }
        if ("lines".equalsIgnoreCase(forced)) {
            return false;
        }
        return System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }
}
