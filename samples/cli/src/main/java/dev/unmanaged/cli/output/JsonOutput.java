package dev.unmanaged.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.unmanaged.api.text.SafeText;
import dev.unmanaged.json.UnmanagedJson;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * --json output: the library's JSON contract (docs/descriptor-json.md), indented, one document per run. Values
 * are exact: a name with a line break or a bidi override reads back as it is. Beyond JSON's own escaping of C0
 * controls, the characters {@link SafeText} escapes for terminals (C1 controls such as the 8-bit CSI, bidi
 * overrides, line separators) are written as {@code \}{@code uXXXX} escapes, so JSON shown on a terminal cannot
 * drive it either.
 */
public final class JsonOutput {
    private static final ObjectWriter WRITER = UnmanagedJson.mapper().writerWithDefaultPrettyPrinter()
            .with(new TerminalEscapes());
    private static final ObjectWriter LINE_WRITER = UnmanagedJson.mapper().writer().with(new TerminalEscapes());

    private JsonOutput() {
    }

    /** Writes {@code value} as indented JSON. */
    public static void print(PrintWriter out, Object value) {
        write(out, WRITER, value);
    }

    /** Writes {@code value} as JSON on one line, for output of one document per line (JSON Lines). */
    public static void printLine(PrintWriter out, Object value) {
        write(out, LINE_WRITER, value);
    }

    private static void write(PrintWriter out, ObjectWriter writer, Object value) {
        try {
            out.println(writer.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }

    /** JSON's standard escapes, plus a {@code \}{@code uXXXX} escape for each character terminals act on. */
    private static final class TerminalEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private static final int[] ASCII = standardAsciiEscapesForJSON();

        static {
            ASCII[0x7f] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return SafeText.needsEscaping(String.valueOf((char) ch))
                    ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }
}
