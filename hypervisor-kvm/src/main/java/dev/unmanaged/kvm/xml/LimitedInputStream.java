package dev.unmanaged.kvm.xml;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes the parser pulls and fails as soon as the limit is passed, so a huge document is refused
 * after reading at most the limit, never loaded whole. Also remembers whether any byte other than whitespace
 * (or a byte-order mark) went by, so an empty document gets its own error.
 */
final class LimitedInputStream extends FilterInputStream {
    /** Thrown through the XML parser, which wraps I/O errors; recognised again on the way out. */
    static final class LimitExceeded extends IOException {
        private static final long serialVersionUID = 1L;

        LimitExceeded(long limit) {
            super("document larger than " + limit + " bytes");
        }
    }

    private final long limit;
    private long count;
    private boolean sawContent;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
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
    boolean sawContent() {
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
