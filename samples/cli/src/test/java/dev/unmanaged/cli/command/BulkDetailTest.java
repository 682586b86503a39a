package dev.unmanaged.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unmanaged.api.operation.BulkOutcome;
import dev.unmanaged.api.operation.ImportResult;
import dev.unmanaged.api.operation.UnmanageResult;
import dev.unmanaged.cli.output.Progress;
import dev.unmanaged.core.BulkProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BulkDetailTest {
    @Test
    @DisplayName("an import the run never started has its own progress line and summary words")
    void cancelledImport() {
        var lines = new StringWriter();
        Progress<ImportResult> progress = Progress.forOutput(new PrintWriter(lines), false, 2, "imported",
                ImportCommand::detail);

        progress.onProgress(new BulkProgress<>(1, 2, BulkOutcome.cancelled(1, "web-02")));

        assertThat(lines.toString()).isEqualTo("[1/2] web-02: cancelled not started: the run was cancelled"
                + System.lineSeparator());
        assertThat(ImportCommand.detail(BulkOutcome.cancelled(0, "web-01"))).isEqualTo(BulkRun.notStarted());
    }

    @Test
    @DisplayName("an unmanage the run never started reads the same")
    void cancelledUnmanage() {
        BulkOutcome<UnmanageResult> cancelled = BulkOutcome.cancelled(0, "db-01");
        assertThat(UnmanageCommand.detail(cancelled)).isEqualTo(BulkRun.notStarted());
    }
}
