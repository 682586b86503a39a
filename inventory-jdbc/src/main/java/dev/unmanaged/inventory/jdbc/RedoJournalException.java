package dev.unmanaged.inventory.jdbc;

import dev.unmanaged.api.error.StoreFailureException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An embedded H2 inventory did not open because of its redo journal ({@code NAME.redo} beside {@code NAME.mv.db}):
 * the file is not a journal of the store, belongs to another database, is damaged before its last record, or holds
 * a record that does not replay as it ran. The journal and the database are left as they are; the message says
 * which record failed and why.
 */
public final class RedoJournalException extends StoreFailureException {
    private static final long serialVersionUID = 1L;

    /** The journal file; a path is serializable only through its text. */
    private final String journal;

    RedoJournalException(Path journal, String message, Throwable cause) {
        super(message, cause);
        this.journal = Objects.requireNonNull(journal, "journal").toString();
    }

    /** The journal file that stopped the inventory from opening. */
    public Path journal() {
        return Path.of(journal);
    }
}
