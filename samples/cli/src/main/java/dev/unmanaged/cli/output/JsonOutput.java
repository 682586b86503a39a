package dev.unmanaged.cli.output;

import dev.unmanaged.json.UnmanagedJson;
import java.io.PrintWriter;

/** --json output: the library's JSON contract (docs/descriptor-json.md), indented, one document per run. */
public final class JsonOutput {
    private JsonOutput() {
    }

    /** Writes {@code value} as indented JSON. */
    public static void print(PrintWriter out, Object value) {
        out.println(UnmanagedJson.toPrettyJson(value));
        out.flush();
    }
}
