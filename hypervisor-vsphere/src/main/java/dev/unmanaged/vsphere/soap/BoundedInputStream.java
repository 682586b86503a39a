package dev.unmanaged.vsphere.soap;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails a read once more than a fixed number of bytes came through: a response may not be larger. */
final class BoundedInputStream extends FilterInputStream {
    private final long limit;
    private long count;

    BoundedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            charge(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            charge(n);
        }
        return n;
    }

    private void charge(int n) throws IOException {
        count += n;
        if (count > limit) {
            throw new TooLarge(limit);
        }
    }

    /** The response exceeded its limit. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long limit) {
            super("the response is larger than " + limit + " bytes");
        }
    }
}
