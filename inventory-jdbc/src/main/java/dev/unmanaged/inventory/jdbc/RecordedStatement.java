package dev.unmanaged.inventory.jdbc;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * One write statement a unit of work ran with effect, as the redo journal keeps it: its SQL, its parameters in
 * order and the number of rows it changed. Replaying it on the database state it first ran on changes the same
 * rows: the schema has no identity columns, sequences or defaults taken from the clock.
 *
 * @param parameters the values bound to the statement's parameters 1..n; each {@link #canHold(Object) held}
 * @param updateCount the rows the statement changed, or {@link Statement#SUCCESS_NO_INFO} when the driver did not say
 */
record RecordedStatement(String sql, List<Object> parameters, long updateCount) {
    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte INT = 2;
    private static final byte LONG = 3;
    private static final byte DOUBLE = 4;
    private static final byte BOOLEAN = 5;
    private static final byte OFFSET_DATE_TIME = 6;

    RecordedStatement {
        parameters = List.copyOf(parameters);
    }

    /** A parameter bound to SQL NULL, with the type it was bound as. */
    record SqlNull(int sqlType) {
    }

    /** Whether {@code value} is a parameter the journal can write: anything else keeps its unit out of it. */
    static boolean canHold(Object value) {
        return value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Double || value instanceof Boolean || value instanceof OffsetDateTime
                || value instanceof SqlNull;
    }

    /** Writes this statement to {@code out}; {@link #readFrom} reads it back. */
    void writeTo(RecordBuffer out) {
        out.writeString(sql);
        out.writeLong(updateCount);
        out.writeInt(parameters.size());
        for (Object value : parameters) {
            if (value instanceof SqlNull sqlNull) {
                out.writeByte(NULL);
                out.writeInt(sqlNull.sqlType());
            } else if (value instanceof String text) {
                out.writeByte(STRING);
                out.writeString(text);
            } else if (value instanceof Integer number) {
                out.writeByte(INT);
                out.writeInt(number);
            } else if (value instanceof Long number) {
                out.writeByte(LONG);
                out.writeLong(number);
            } else if (value instanceof Double number) {
                out.writeByte(DOUBLE);
                out.writeDouble(number);
            } else if (value instanceof Boolean flag) {
                out.writeByte(BOOLEAN);
                out.writeBoolean(flag);
            } else if (value instanceof OffsetDateTime time) {
                out.writeByte(OFFSET_DATE_TIME);
                out.writeLong(time.toEpochSecond());
                out.writeInt(time.getNano());
                out.writeInt(time.getOffset().getTotalSeconds());
            } else {
                throw new IllegalStateException("a parameter the journal cannot hold was recorded: "
                        + value.getClass().getName());
            }
        }
    }

    /**
     * Reads a statement {@link #writeTo} wrote.
     *
     * @throws IOException when the bytes are not such a statement
     */
    static RecordedStatement readFrom(DataInputStream in) throws IOException {
        String sql = readString(in);
        long updateCount = in.readLong();
        int count = in.readInt();
        if (count < 0 || count > in.available()) {
            throw new IOException("a statement with " + count + " parameters");
        }
        List<Object> parameters = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte tag = in.readByte();
            parameters.add(switch (tag) {
                case NULL -> new SqlNull(in.readInt());
                case STRING -> readString(in);
                case INT -> in.readInt();
                case LONG -> in.readLong();
                case DOUBLE -> in.readDouble();
                case BOOLEAN -> in.readBoolean();
                case OFFSET_DATE_TIME -> {
                    long seconds = in.readLong();
                    int nanos = in.readInt();
                    ZoneOffset offset = ZoneOffset.ofTotalSeconds(in.readInt());
                    yield OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds, nanos), offset);
                }
                default -> throw new IOException("an unknown parameter tag " + tag);
            });
        }
        return new RecordedStatement(sql, parameters, updateCount);
    }

    /**
     * Runs this statement again on {@code connection}.
     *
     * @return the rows it changed this time
     */
    long replay(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                Object value = parameters.get(i);
                if (value instanceof SqlNull sqlNull) {
                    ps.setNull(i + 1, sqlNull.sqlType());
                } else {
                    ps.setObject(i + 1, value);
                }
            }
            return ps.executeLargeUpdate();
        }
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("a string of " + length + " bytes");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
