package dev.unmanaged.cli.session;

import dev.unmanaged.api.error.StoreFailureException;
import dev.unmanaged.cli.CliFailure;
import dev.unmanaged.cli.ExitCodes;
import dev.unmanaged.inventory.jdbc.JdbcInventoryStore;
import dev.unmanaged.inventory.jdbc.RedoJournalException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An embedded H2 inventory file: the default one under the tool's home, or one named with
 * {@code --store jdbc:h2:file:PATH}, with the store's redo journal beside it ({@code inventory.redo}, created private
 * to the user by the store). Opening it
 * <ul>
 *   <li>waits while another run of the tool holds it (one process at a time opens an H2 file);</li>
 *   <li>refuses a file that exists but cannot be an inventory (empty, cut short, unreadable), where H2 would start
 *       a fresh database over it;</li>
 *   <li>makes a file it creates private to the user;</li>
 *   <li>keeps H2 from closing the database by itself when the JVM shuts down, which would fail the items an
 *       interrupted bulk run lets finish (the tool closes it after them), and from writing its own trace file
 *       ({@code NAME.trace.db}: SQL text and inventory data in a second, unbounded log), since the tool reports
 *       every failure itself. Settings the URL names itself are kept.</li>
 * </ul>
 */
final class EmbeddedInventory {
    /** How long a run waits for another to release the file. */
    private static final Duration WAIT = Duration.ofSeconds(120);
    /** H2's DATABASE_ALREADY_OPEN_1: another process has the file open. */
    private static final int H2_ALREADY_OPEN = 90020;
    /** H2's DATABASE_IS_READ_ONLY. */
    private static final int H2_READ_ONLY = 90097;
    /** What H2 says when another process has the file open, for drivers that give no error code. */
    private static final Pattern LOCKED = Pattern.compile("(?i)locked|already in use|lock file");
    /** The table the inventory's schema migrations are recorded in (JdbcInventoryStore). */
    private static final String SCHEMA_HISTORY = "unmanaged_schema_history";
    private static final String[][] TOOL_SETTINGS = {{"DB_CLOSE_ON_EXIT", "FALSE"}, {"TRACE_LEVEL_FILE", "0"}};

    private final String url;
    private final Path base;
    private final boolean named;

    private EmbeddedInventory(String url, Path base, boolean named) {
        this.url = withToolSettings(url);
        this.base = base;
        this.named = named;
    }

    /** The default inventory: {@code inventory} in {@code directory}. */
    static EmbeddedInventory in(Path directory) {
        Path base = directory.toAbsolutePath().normalize().resolve("inventory");
        return new EmbeddedInventory("jdbc:h2:file:" + base, base, false);
    }

    /** The H2 file database a --store URL names, or empty when it names another kind of database. */
    static Optional<EmbeddedInventory> named(String url) {
        String prefix = "jdbc:h2:";
        if (!url.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return Optional.empty();
        }
        String rest = url.substring(prefix.length());
        if (rest.regionMatches(true, 0, "file:", 0, 5)) {
            rest = rest.substring(5);
        } else if (rest.matches("(?s)[A-Za-z]{2,}:.*")) {
            return Optional.empty(); // mem:, tcp:, ssl:, zip:, ... (a single letter is a Windows drive)
        }
        String path = rest.split(";", 2)[0];
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return Optional.of(new EmbeddedInventory(url, Path.of(path).toAbsolutePath().normalize(), true));
    }

    private static String withToolSettings(String url) {
        StringBuilder result = new StringBuilder(url);
        String upper = url.toUpperCase(Locale.ROOT);
        for (String[] setting : TOOL_SETTINGS) {
            if (!upper.contains(";" + setting[0] + "=")) {
                result.append(';').append(setting[0]).append('=').append(setting[1]);
            }
        }
        return result.toString();
    }

    /** The URL the store is opened with: the given one, with the tool's settings it does not set itself. */
    String url() {
        return url;
    }

    /** The data file H2 keeps the database in. */
    Path dataFile() {
        return base.resolveSibling(base.getFileName() + ".mv.db");
    }

    /**
     * Opens the database, creating it when its file does not exist. Runs of the tool take turns: while another
     * holds the file this one waits, saying so once on {@code notices}, up to {@link #WAIT}. Sharing it between
     * processes through H2's server mode was tried and refused: a run's writes could break when the serving run
     * exits.
     *
     * @throws CliFailure (exit 3) when the file is damaged or still in use after the wait
     */
    JdbcInventoryStore open(PrintStream notices) {
        InventoryFile file = new InventoryFile(dataFile());
        long deadline = System.nanoTime() + WAIT.toNanos();
        long pauseMillis = 100;
        boolean told = false;
        while (true) {
            boolean existed = Files.exists(file.path());
            // H2 creates its file empty and then writes: a file another run holds is not judged, only waited for.
            if (!(existed && file.inUse())) {
                if (existed) {
                    requireIntact(file);
                    if (!named && holdsNoInventory()) {
                        throw unusable("H2 reads it as a database without the inventory's tables, so its data is"
                                + " lost or damaged");
                    }
                }
                try {
                    JdbcInventoryStore store = JdbcInventoryStore.open(url);
                    if (!existed) {
                        restrict(store, file.path());
                    }
                    return store;
                } catch (RedoJournalException e) {
                    // Its message names the journal, why, and what to do; the inventory file is not at fault.
                    throw new CliFailure(ExitCodes.UNREACHABLE, e.getMessage());
                } catch (StoreFailureException e) {
                    if (!isLocked(e)) {
                        throw existed ? unusable(reason(e)) : e;
                    }
                }
            }
            if (System.nanoTime() > deadline) {
                throw new CliFailure(ExitCodes.UNREACHABLE, "the inventory " + file.path()
                        + " is still in use by another run of the tool after " + WAIT.toSeconds()
                        + " s; wait for it to finish, or use --store with PostgreSQL to work from several at once");
            }
            if (!told) {
                notices.println("Waiting for another run of the tool to release the inventory...");
                notices.flush();
                told = true;
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new CliFailure(ExitCodes.UNREACHABLE, "interrupted while waiting for the inventory " + file.path());
            }
            pauseMillis = Math.min(pauseMillis * 2, 1000);
        }
    }

    /** Refuses a file that exists but cannot be an inventory; see {@link InventoryFile}. */
    private void requireIntact(InventoryFile file) {
        Optional<String> problem;
        try {
            problem = file.problem();
        } catch (IOException e) {
            throw unusable("it cannot be read: " + e.getMessage());
        }
        if (problem.isPresent()) {
            throw unusable(problem.get());
        }
    }

    /**
     * True when the file opens, read-only, as a database without the inventory's schema history: H2 makes an
     * empty database of a file whose data it cannot find, and the store would then create a fresh inventory over
     * it. Only for the default inventory, which the tool alone creates; a database named with --store may hold
     * other tables and get the inventory's beside them. When the file does not open this way for another reason,
     * opening the store says why.
     */
    private boolean holdsNoInventory() {
        try (Connection connection = DriverManager.getConnection(url + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r");
             ResultSet tables = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                if (SCHEMA_HISTORY.equalsIgnoreCase(tables.getString("TABLE_NAME"))) {
                    return false;
                }
            }
            return true;
        } catch (SQLException e) {
            // Read-only, H2 cannot create the metadata of a database it found empty: the data is gone.
            return e.getErrorCode() == H2_READ_ONLY;
        }
    }

    private CliFailure unusable(String why) {
        return new CliFailure(ExitCodes.UNREACHABLE, "the inventory " + dataFile() + " cannot be used: " + why
                + ". It was left as it is: restore it from a backup, or move it away to start afresh with a new,"
                + " empty inventory" + (named ? " (check --store)" : ""));
    }

    /** Why the store did not open, without the URL its message starts with (the message names the file). */
    private static String reason(StoreFailureException e) {
        String message = String.valueOf(e.getMessage());
        int url = message.indexOf(" at jdbc:");
        int reason = url < 0 ? -1 : message.indexOf(": ", url);
        return "H2 cannot open it: " + (reason < 0 ? message : message.substring(reason + 2));
    }

    private static void restrict(JdbcInventoryStore store, Path created) {
        try {
            PrivateFiles.restrict(created);
        } catch (IOException e) {
            store.close();
            throw new CliFailure(ExitCodes.UNREACHABLE, "cannot make the new inventory " + created
                    + " private to its user: " + e.getMessage());
        }
    }

    private static boolean isLocked(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == H2_ALREADY_OPEN
                    || LOCKED.matcher(String.valueOf(cause.getMessage())).find()) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
