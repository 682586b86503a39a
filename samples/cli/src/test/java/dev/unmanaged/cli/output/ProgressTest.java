package dev.unmanaged.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unmanaged.api.operation.BulkOutcome;
import dev.unmanaged.core.BulkProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    @DisplayName("the bar never grows wider than a terminal: a long instance key is shortened, a short one kept")
    void barFitsTheTerminal() {
        var written = new StringWriter();
        Progress<String> progress = new Progress<>(new PrintWriter(written), true, 10, "imported", o -> "");
        String uuid = "f6a69fa7-83eb-5845-9aa3-6805e2e4e0a6";

        progress.onProgress(new BulkProgress<>(1, 10, BulkOutcome.succeeded(0, "web-01", "ok")));
        progress.onProgress(new BulkProgress<>(2, 10, BulkOutcome.cancelled(1, uuid)));

        String[] redraws = written.toString().split("\r", -1);
        assertThat(redraws).hasSize(3);
        assertThat(redraws[1]).startsWith("[###---------------------------] 1/10  web-01 imported");
        assertThat(redraws[2]).startsWith("[######------------------------] 2/10  f6a69fa7-83eb-5845-9aa3-680...")
                .endsWith(" cancelled");
        assertThat(Arrays.stream(redraws).mapToInt(String::length).max().orElseThrow())
                .isLessThanOrEqualTo(Progress.LINE_WIDTH);
    }

    @Test
    @DisplayName("a hostile key or detail is escaped in the bar and in plain lines: the bar's CR is the only control")
    void escapesKeysAndDetails() {
        String key = "evil\n[ 2/2] forged\r\u001b[2J\u009b\u202e";
        var bar = new StringWriter();
        new Progress<String>(new PrintWriter(bar), true, 2, "imported", o -> "")
                .onProgress(new BulkProgress<>(1, 2, BulkOutcome.cancelled(0, key)));
        var lines = new StringWriter();
        new Progress<String>(new PrintWriter(lines), false, 2, "imported", o -> "detail\n[ 2/2] x: imported")
                .onProgress(new BulkProgress<>(1, 2, BulkOutcome.cancelled(0, key)));

        // The escaped key is longer than the bar has room for: it is cut after escaping, so the bar keeps its width.
        assertThat(bar.toString()).startsWith("\r").contains("  evil\\n[ 2/2] forged\\r\\u001b[...");
        assertThat(bar.toString().substring(1)).doesNotContain("\r", "\n", "\u001b", "\u009b", "\u202e");
        assertThat(lines.toString().lines()).singleElement().asString().isEqualTo(
                "[1/2] evil\\n[ 2/2] forged\\r\\u001b[2J\\u009b\\u202e: cancelled detail\\n[ 2/2] x: imported");
    }
}
