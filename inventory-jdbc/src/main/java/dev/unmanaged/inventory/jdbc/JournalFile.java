package dev.unmanaged.inventory.jdbc;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * The redo journal's file: a header naming the database it belongs to, then one record per journaled unit of work,
 * appended in commit order. A record is its length, a CRC-32C checksum of its body, and the body: the unit's
 * sequence number and its {@link RecordedStatement statements}. Appends are plain writes (handed to the operating
 * system, not forced to the device), with stream I/O that an interrupt of the writing thread cannot cut short.
 * Serves one thread at a time.
 */
final class JournalFile implements AutoCloseable {
    private static final byte[] MAGIC = "UNMANAGED REDO JOURNAL 1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int ID_LENGTH = 36;
    private static final int HEADER_LENGTH = MAGIC.length + ID_LENGTH + 1;
    /** Length and checksum. */
    private static final int RECORD_PREFIX = 8;
    /** The prefix and the sequence number: what a record holds before its statements. */
    private static final int RECORD_HEAD = RECORD_PREFIX + Long.BYTES;

    private final Path path;
    private final RandomAccessFile file;
    private long length;

    /** A unit of work as the journal holds it. */
    record Entry(long sequence, List<RecordedStatement> statements) {
        Entry {
            statements = List.copyOf(statements);
        }
    }

    /**
     * What an existing journal file holds.
     *
     * @param databaseId the database the journal belongs to; empty when the file is empty (created, never written)
     * @param entries its complete records, in order
     * @param droppedTail bytes of a last record cut short by a crash while it was written (never acknowledged)
     */
    record Contents(Optional<String> databaseId, List<Entry> entries, long droppedTail) {
        Contents {
            entries = List.copyOf(entries);
        }
    }

    private JournalFile(Path path, RandomAccessFile file) {
        this.path = path;
        this.file = file;
    }

    /**
     * Reads the journal at {@code path}, empty when there is none.
     *
     * @throws RedoJournalException when the file is not a journal of the store, or is damaged before its last
     *     record (a crash can only cut the record being written)
     */
    static Optional<Contents> read(Path path) {
        byte[] bytes;
        try {
            if (!Files.exists(path)) {
                return Optional.empty();
            }
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw unusable(path, "it cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
        if (bytes.length == 0) {
            return Optional.of(new Contents(Optional.empty(), List.of(), 0));
        }
        if (bytes.length < HEADER_LENGTH || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)
                || bytes[HEADER_LENGTH - 1] != '\n') {
            throw unusable(path, "it is not a redo journal of the inventory (it does not start with the journal's"
                    + " header)", null);
        }
        String databaseId = new String(bytes, MAGIC.length, ID_LENGTH, StandardCharsets.US_ASCII);
        List<Entry> entries = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.wrap(bytes, HEADER_LENGTH, bytes.length - HEADER_LENGTH);
        while (buffer.hasRemaining()) {
            int at = buffer.position();
            if (buffer.remaining() < RECORD_PREFIX) {
                break;
            }
            int bodyLength = buffer.getInt();
            int checksum = buffer.getInt();
            if (bodyLength < 0 || bodyLength > buffer.remaining()) {
                buffer.position(at);
                break;
            }
            boolean last = bodyLength == buffer.remaining();
            if (checksum(bytes, buffer.position(), bodyLength) != checksum) {
                if (last) {
                    buffer.position(at);
                    break;
                }
                throw unusable(path, "its record at byte " + at + " is damaged (its checksum does not match) and"
                        + " records follow it", null);
            }
            entries.add(entry(path, at, bytes, buffer.position(), bodyLength));
            buffer.position(buffer.position() + bodyLength);
        }
        for (int i = 1; i < entries.size(); i++) {
            if (entries.get(i).sequence() != entries.get(i - 1).sequence() + 1) {
                throw unusable(path, "its records jump from sequence " + entries.get(i - 1).sequence() + " to "
                        + entries.get(i).sequence(), null);
            }
        }
        return Optional.of(new Contents(Optional.of(databaseId), entries, buffer.remaining()));
    }

    /**
     * Opens the journal at {@code path} empty, for the database {@code databaseId}: created private to the user
     * when missing, else cut back to its header.
     */
    static JournalFile create(Path path, String databaseId) throws IOException {
        if (databaseId.length() != ID_LENGTH) {
            throw new IllegalArgumentException("a database id of " + ID_LENGTH + " characters is needed");
        }
        try {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            // Kept: its content is replaced below.
        } catch (UnsupportedOperationException e) {
            if (!Files.exists(path)) {
                Files.createFile(path);
            }
        }
        JournalFile journal = new JournalFile(path, new RandomAccessFile(path.toFile(), "rw"));
        try {
            journal.file.setLength(0);
            journal.file.write(MAGIC);
            journal.file.write(databaseId.getBytes(StandardCharsets.US_ASCII));
            journal.file.write('\n');
            journal.length = HEADER_LENGTH;
            return journal;
        } catch (IOException e) {
            journal.close();
            throw e;
        }
    }

    /** Appends the record of {@code entry}: once this returns, a crash of the process keeps it. */
    void append(Entry entry) throws IOException {
        append(entry.sequence(), encode(entry.statements()));
    }

    /**
     * A record of {@code statements}, its length, checksum and sequence number left to {@link #append(long,
     * RecordBuffer)}: encoded before the journal's lock is taken, so that the lock holds only the write.
     */
    static RecordBuffer encode(List<RecordedStatement> statements) {
        RecordBuffer record = new RecordBuffer(RECORD_HEAD + 256 * (statements.size() + 1));
        record.reserve(RECORD_HEAD);
        record.writeInt(statements.size());
        for (RecordedStatement statement : statements) {
            statement.writeTo(record);
        }
        return record;
    }

    /** Appends {@code record}, {@link #encode encoded} before, as the record of unit {@code sequence}. */
    void append(long sequence, RecordBuffer record) throws IOException {
        byte[] bytes = record.array();
        int bodyLength = record.length() - RECORD_PREFIX;
        record.putLong(RECORD_PREFIX, sequence);
        record.putInt(0, bodyLength);
        record.putInt(Integer.BYTES, checksum(bytes, RECORD_PREFIX, bodyLength));
        try {
            file.write(bytes, 0, record.length());
            length += record.length();
        } catch (IOException e) {
            // Cut back what may have reached the file, so that no damaged record lies before the next one.
            try {
                file.setLength(length);
                file.seek(length);
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
    }

    /** Drops every record: the database file holds them all. */
    void clear() throws IOException {
        file.setLength(HEADER_LENGTH);
        file.seek(HEADER_LENGTH);
        length = HEADER_LENGTH;
    }

    /** The file's length in bytes. */
    long length() {
        return length;
    }

    Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    private static Entry entry(Path path, int at, byte[] bytes, int offset, int bodyLength) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, offset, bodyLength))) {
            long sequence = in.readLong();
            int count = in.readInt();
            if (count < 0 || count > bodyLength) {
                throw new IOException("a record of " + count + " statements");
            }
            List<RecordedStatement> statements = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                statements.add(RecordedStatement.readFrom(in));
            }
            if (in.available() != 0) {
                throw new IOException(in.available() + " bytes after its statements");
            }
            return new Entry(sequence, statements);
        } catch (IOException e) {
            throw unusable(path, "its record at byte " + at + " cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static int checksum(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    private static RedoJournalException unusable(Path path, String why, Throwable cause) {
        return new RedoJournalException(path, "the inventory's redo journal " + path + " cannot be used: " + why
                + ". The inventory was left as it is: restore the journal, or move it away to open the inventory"
                + " without the commits it holds", cause);
    }
}
