package dev.unmanaged.inventory.jdbc;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte array that a journal record is encoded into, big-endian and in the layout
 * {@link java.io.DataOutputStream} writes (which {@link JournalFile} reads back with a
 * {@link java.io.DataInputStream}). Unlike a {@code DataOutputStream} over a {@code ByteArrayOutputStream}, it takes no
 * lock per byte written: a record is encoded on every commit of a unit of work, by the thread that runs it.
 */
final class RecordBuffer {
    private byte[] bytes;
    private int length;

    RecordBuffer(int capacity) {
        bytes = new byte[capacity];
    }

    /** Skips {@code count} bytes, to be filled later with {@link #putInt} or {@link #putLong}. */
    void reserve(int count) {
        ensure(count);
        length += count;
    }

    void writeByte(int value) {
        ensure(1);
        bytes[length++] = (byte) value;
    }

    void writeBoolean(boolean value) {
        writeByte(value ? 1 : 0);
    }

    void writeInt(int value) {
        ensure(Integer.BYTES);
        putInt(length, value);
        length += Integer.BYTES;
    }

    void writeLong(long value) {
        ensure(Long.BYTES);
        putLong(length, value);
        length += Long.BYTES;
    }

    void writeDouble(double value) {
        writeLong(Double.doubleToLongBits(value));
    }

    /** Its UTF-8 length, then its UTF-8 bytes. */
    void writeString(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        writeInt(utf8.length);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, bytes, length, utf8.length);
        length += utf8.length;
    }

    /** Writes {@code value} at {@code offset}, within what was written or {@link #reserve reserved}. */
    void putInt(int offset, int value) {
        bytes[offset] = (byte) (value >>> 24);
        bytes[offset + 1] = (byte) (value >>> 16);
        bytes[offset + 2] = (byte) (value >>> 8);
        bytes[offset + 3] = (byte) value;
    }

    /** Writes {@code value} at {@code offset}, within what was written or {@link #reserve reserved}. */
    void putLong(int offset, long value) {
        putInt(offset, (int) (value >>> 32));
        putInt(offset + Integer.BYTES, (int) value);
    }

    /** The array the bytes are in: its first {@link #length()} bytes. */
    byte[] array() {
        return bytes;
    }

    int length() {
        return length;
    }

    private void ensure(int more) {
        if (bytes.length - length < more) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
