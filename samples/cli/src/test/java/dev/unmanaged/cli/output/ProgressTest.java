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
}
