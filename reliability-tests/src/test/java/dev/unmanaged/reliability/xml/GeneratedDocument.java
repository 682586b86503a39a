package dev.unmanaged.reliability.xml;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;

/** A document produced on the fly: never held in memory, and it counts what the parser consumed. */
final class GeneratedDocument extends InputStream {
    private final byte[] header;
    private final IntFunction<String> element;
    private final int elements;
    private final byte[] footer;
    private final long totalLength;
    private byte[] current;
    private int position;
    private int next = -1;
    private long delivered;

    GeneratedDocument(String header, IntFunction<String> element, int elements, String footer) {
        this.header = header.getBytes(StandardCharsets.US_ASCII);
        this.element = element;
        this.elements = elements;
        this.footer = footer.getBytes(StandardCharsets.US_ASCII);
        this.totalLength = this.header.length + (long) element.apply(0).length() * elements + this.footer.length;
        this.current = this.header;
    }

    long totalLength() {
        return totalLength;
    }

    long delivered() {
        return delivered;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        while (current != null && position == current.length) {
            next++;
            current = next < elements ? element.apply(next).getBytes(StandardCharsets.US_ASCII)
                    : next == elements ? footer : null;
            position = 0;
        }
        if (current == null) {
            return -1;
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, n);
        position += n;
        delivered += n;
        return n;
    }
}
