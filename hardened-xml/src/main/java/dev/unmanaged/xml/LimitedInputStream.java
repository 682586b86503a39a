package dev.unmanaged.xml;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes a parser pulls and fails as soon as the limit is passed, so a huge document is refused after
 * reading at most the limit, never loaded whole. Also remembers whether any byte other than whitespace (or a
 * byte-order mark) went by, so a caller can give an empty document its own error. Marking is not supported.
 */
public final class LimitedInputStream extends FilterInputStream {
    /**
     * Thrown by a read that passes the limit. An {@link IOException}, so it travels through an XML parser, which
     * wraps I/O errors: callers find it again in the cause chain.
     */
    public static final class LimitExceeded extends IOException {
        private static final long serialVersionUID = 1L;

        private final long limit;

        LimitExceeded(long limit) {
            super("larger than " + limit + " bytes");
            this.limit = limit;
        }

        /** The number of bytes that was passed. */
        public long limit() {
            return limit;
        }
    }

    private final long limit;
    private long count;
    private boolean sawContent;

    /**
     * Reads {@code in}, refusing more than {@code limit} bytes.
     *
     * @throws IllegalArgumentException when {@code limit} is negative
     */
    public LimitedInputStream(InputStream in, long limit) {
        super(in);
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, got " + limit);
        }
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            account(1);
            note(b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            account(n);
            for (int i = offset; i < offset + n && !sawContent; i++) {
                note(buffer[i] & 0xFF);
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        account(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** True once a byte that is not whitespace, NUL (UTF-16 padding) or part of a byte-order mark was read. */
    public boolean sawContent() {
        return sawContent;
    }

    private void account(long n) throws LimitExceeded {
        count += n;
        if (count > limit) {
            throw new LimitExceeded(limit);
        }
    }

    private void note(int b) {
        switch (b) {
            case ' ', '\t', '\r', '\n', 0x00, 0xEF, 0xBB, 0xBF, 0xFE, 0xFF -> { }
            default -> sawContent = true;
        }
    }
}
