package dev.unmanaged.inventory.jdbc;

import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The write statements one unit of work ran with effect, in the order they ran, as {@link RecordingConnection}
 * sees them: what the redo journal writes for the unit when it commits. A rollback to a savepoint drops what was
 * recorded after the savepoint, as the database drops its effects. A write the recording cannot hold (an
 * unknown parameter type, SQL run without parameters) makes the unit {@link #journalable() unjournalable}: it is
 * then made durable as the store does without a journal, so that correctness never depends on the recording.
 * Serves the one thread that runs the unit.
 */
final class UnitRecording {
    /**
     * Statements whose effect cannot depend on commits made after they ran: each changes exactly the one row its
     * full primary key names, and when it changed that row, the row was there and held by this unit from then on.
     */
    private static final Set<String> KEYED_DELETES = Set.of(AddressAllocation.DELETE_FREE_ROW,
            AddressAllocation.DELETE_UNFILLED_BLOCK, InstanceRows.DELETE_INSTANCE);

    private final List<Ran> statements = new ArrayList<>();
    /** Open savepoints, oldest first, each with the number of statements recorded when it was set. */
    private final List<Mark> marks = new ArrayList<>();
    private boolean journalable = true;

    private record Mark(Savepoint savepoint, int recorded) {
    }

    /** A recorded statement and the store's commit count before it ran. */
    private record Ran(RecordedStatement statement, long commitsBefore) {
        /**
         * Whether replaying the statement after the {@code commits} commits before its unit's changes the same rows
         * it changed when it ran. An insert does (a concurrent insert of its key would have made it wait and fail;
         * the parents its foreign keys name are never deleted by a unit of work), and so does a keyed delete that
         * changed its row; any other statement only when no commit came between its run and its unit's commit.
         */
        boolean replaysAfter(long commits) {
            String sql = statement.sql();
            return commitsBefore == commits || sql.regionMatches(true, 0, "INSERT ", 0, 7)
                    || (statement.updateCount() == 1 && KEYED_DELETES.contains(sql));
        }
    }

    /** A write statement ran; {@code commitsBefore} is the store's commit count read before it ran. */
    void ran(RecordedStatement statement, long commitsBefore) {
        statements.add(new Ran(statement, commitsBefore));
    }

    /**
     * Whether replaying the recorded statements, in order, after the first {@code commits} commits of the store,
     * changes what they changed: the journal may then stand for the unit.
     */
    boolean replaysAfter(long commits) {
        return journalable && statements.stream().allMatch(ran -> ran.replaysAfter(commits));
    }

    /** A write ran that the journal cannot hold. */
    void unjournalable() {
        journalable = false;
    }

    boolean journalable() {
        return journalable;
    }

    /** The statements to replay, in order; empty when the unit changed nothing. */
    List<RecordedStatement> statements() {
        return statements.stream().map(Ran::statement).toList();
    }

    boolean isEmpty() {
        return statements.isEmpty();
    }

    void savepointSet(Savepoint savepoint) {
        marks.add(new Mark(savepoint, statements.size()));
    }

    /** The database rolled back to {@code savepoint}: what ran after it is undone; it stays open. */
    void rolledBackTo(Savepoint savepoint) {
        int at = indexOf(savepoint);
        if (at < 0) {
            // Not set through the recording: what was undone is unknown.
            journalable = false;
            return;
        }
        statements.subList(marks.get(at).recorded(), statements.size()).clear();
        marks.subList(at + 1, marks.size()).clear();
    }

    /** The database released {@code savepoint} (and those set after it); their statements stand. */
    void released(Savepoint savepoint) {
        int at = indexOf(savepoint);
        if (at >= 0) {
            marks.subList(at, marks.size()).clear();
        }
    }

    /** The whole transaction was rolled back. */
    void rolledBack() {
        statements.clear();
        marks.clear();
    }

    private int indexOf(Savepoint savepoint) {
        for (int i = marks.size() - 1; i >= 0; i--) {
            if (marks.get(i).savepoint() == savepoint) {
                return i;
            }
        }
        return -1;
    }
}
