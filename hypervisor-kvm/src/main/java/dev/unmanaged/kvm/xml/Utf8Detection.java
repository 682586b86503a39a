package dev.unmanaged.kvm.xml;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides, from a document's first bytes, whether it is UTF-8, and if so hands it to the XML reader through a
 * strict decoder. The JDK's own UTF-8 decoding reports a malformed byte by also printing a "[Fatal Error]" line
 * on standard error (its internal default error handler), which a library must not do; a decoder that fails
 * with {@link java.nio.charset.MalformedInputException} reaches the parser as an ordinary read error instead.
 * Documents in other encodings (a UTF-16 byte-order mark, or another encoding declared) are left to the reader.
 */
final class Utf8Detection {
    private static final int SNIFF_BYTES = 256;
    private static final Pattern DECLARED = Pattern.compile("encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

    private Utf8Detection() {
    }

    /** A strict UTF-8 reader over {@code in}, or null when the document is in another encoding. */
    static Reader strictUtf8Reader(BufferedInputStream in) throws IOException {
        in.mark(SNIFF_BYTES);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        int start = utf8Start(head, head.length);
        if (start < 0) {
            return null;
        }
        in.skipNBytes(start);
        return new InputStreamReader(in, strictDecoder());
    }

    /**
     * The text of a whole UTF-8 document, decoded in one go (faster than through a reader), or null when the
     * document is in another encoding. The buffer is ready to read (from its position to its limit).
     *
     * @throws MalformedUtf8 at the first byte sequence that is not UTF-8
     */
    static CharBuffer strictUtf8Text(byte[] document) throws MalformedUtf8 {
        int start = utf8Start(document, Math.min(document.length, SNIFF_BYTES));
        if (start < 0) {
            return null;
        }
        CharsetDecoder decoder = strictDecoder();
        ByteBuffer in = ByteBuffer.wrap(document, start, document.length - start);
        CharBuffer out = CharBuffer.allocate(document.length - start);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new MalformedUtf8(document, in.position());
        }
        return out.flip();
    }

    /**
     * A byte sequence of a document that is not UTF-8, with its place as a parser would give it: lines counted
     * from 1 (CR LF, LF or CR end one), columns in characters from 1.
     */
    static final class MalformedUtf8 extends CharacterCodingException {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;

        MalformedUtf8(byte[] document, int offset) {
            int line = 1;
            int column = 1;
            for (int i = 0; i < offset; i++) {
                byte b = document[i];
                if (b == '\n' && i > 0 && document[i - 1] == '\r') {
                    continue; // the second half of a CR LF
                }
                if (b == '\n' || b == '\r') {
                    line++;
                    column = 1;
                } else if ((b & 0xC0) != 0x80) {
                    column++; // a character starts here (continuation bytes do not start one)
                }
            }
            this.line = line;
            this.column = column;
        }

        int line() {
            return line;
        }

        int column() {
            return column;
        }

        @Override
        public String getMessage() {
            return "a byte sequence that is not valid UTF-8 at line " + line + ", column " + column;
        }
    }

    /** Where a document's UTF-8 text starts (after a byte-order mark), or -1 when it is in another encoding. */
    private static int utf8Start(byte[] head, int n) {
        if (n >= 2 && ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF
                || (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE)) {
            return -1;
        }
        if (n >= 2 && (head[0] == 0 || head[1] == 0)) {
            return -1; // UTF-16 or UTF-32 without a byte-order mark
        }
        if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return 3;
        }
        return declaresOtherEncoding(head, n) ? -1 : 0;
    }

    private static CharsetDecoder strictDecoder() {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static boolean declaresOtherEncoding(byte[] head, int n) {
        String start = new String(head, 0, n, StandardCharsets.ISO_8859_1);
        if (!start.startsWith("<?xml")) {
            return false;
        }
        int end = start.indexOf("?>");
        Matcher declared = DECLARED.matcher(end < 0 ? start : start.substring(0, end));
        if (!declared.find()) {
            return false;
        }
        String encoding = declared.group(1).toUpperCase(Locale.ROOT);
        return !encoding.equals("UTF-8") && !encoding.equals("UTF8");
    }
}
