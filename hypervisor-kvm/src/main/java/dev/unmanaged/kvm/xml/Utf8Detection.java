package dev.unmanaged.kvm.xml;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
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
        int n = head.length;
        if (n >= 2 && ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF
                || (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE)) {
            return null;
        }
        if (n >= 2 && (head[0] == 0 || head[1] == 0)) {
            return null; // UTF-16 or UTF-32 without a byte-order mark
        }
        if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            in.skipNBytes(3);
        } else if (declaresOtherEncoding(head)) {
            return null;
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    private static boolean declaresOtherEncoding(byte[] head) {
        String start = new String(head, StandardCharsets.ISO_8859_1);
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
