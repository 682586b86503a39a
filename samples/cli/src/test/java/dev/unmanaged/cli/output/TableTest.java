package dev.unmanaged.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TableTest {
    @Test
    @DisplayName("columns are as wide as their widest cell, two spaces apart, no trailing blanks, null as a dash")
    void alignsColumns() {
        var text = new StringWriter();
        Table.of("NAME", "STATE", "HOST")
                .row("web-01", "RUNNING", "demo")
                .row("build-runner-07", null, "qemu+ssh://kvm1/system")
                .print(new PrintWriter(text), "  ");

        assertThat(text.toString().lines()).containsExactly(
                "  NAME             STATE    HOST",
                "  web-01           RUNNING  demo",
                "  build-runner-07  -        qemu+ssh://kvm1/system");
    }

    @Test
    @DisplayName("a cell with a line break, CR, ESC, CSI or bidi override is one escaped cell; widths count escapes")
    void escapesCells() {
        var text = new StringWriter();
        Table.of("NAME", "STATE")
                .row("evil\nweb-99  RUNNING", "RUNNING")
                .row("a\rb\u001b[31m\u009b\u202e", "PAUSED")
                .print(new PrintWriter(text));

        assertThat(text.toString().lines()).containsExactly(
                "NAME                        STATE",
                "evil\\nweb-99  RUNNING       RUNNING",
                "a\\rb\\u001b[31m\\u009b\\u202e  PAUSED");
    }
}
