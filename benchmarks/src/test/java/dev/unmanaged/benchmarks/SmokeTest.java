package dev.unmanaged.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unmanaged.tck.LiveServices;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Runs every benchmark of the set at its smoke size so that the benchmarks never rot: each must run to the end
 * and produce figures. Timings are not judged here (they are measured by benchmarks/run.sh, not in tests).
 */
class SmokeTest {
    private static final Pattern FIGURE = Pattern.compile("\\d");

    @Test
    @DisplayName("every benchmark runs at smoke size and reports a figure for ours and, where it has one, its baseline")
    void everyBenchmarkRunsAndProducesFigures() throws Exception {
        List<ResultRow> rows = Suite.run(RunMode.SMOKE, Suite.BENCHMARKS);

        assertThat(rows).extracting(ResultRow::benchmark)
                .anyMatch(name -> name.startsWith("Parse the corpus"))
                .anyMatch(name -> name.startsWith("List one host"))
                .anyMatch(name -> name.startsWith("Heap per listed instance"))
                .anyMatch(name -> name.startsWith("Fan-out listing"))
                .anyMatch(name -> name.startsWith("Bulk import into H2"))
                .anyMatch(name -> name.startsWith("Bulk import into PostgreSQL"))
                .anyMatch(name -> name.startsWith("List ") && name.contains("live daemon"));
        for (ResultRow row : rows) {
            boolean notMeasured = row.ours().equals("not measured");
            if (notMeasured) {
                // Only the live services may be left out, and only with -Dlive.skip=true (LiveServices' rule): a
                // service that is absent when live tests run fails the test.
                assertThat(row.benchmark()).as("unmeasured row").matches(".*(PostgreSQL|live daemon|vCenter simulator).*");
                assertThat(LiveServices.skipped()).as("%s not measured (%s) though live tests run; start the "
                        + "service or pass -Dlive.skip=true", row.benchmark(), row.note()).isTrue();
                continue;
            }
            assertThat(row.ours()).as("ours in " + row.benchmark()).containsPattern(FIGURE);
            if (!row.baseline().equals("-")) {
                assertThat(row.baseline()).as("baseline in " + row.benchmark()).containsPattern(FIGURE);
                assertThat(row.ratio()).as("ratio in " + row.benchmark()).isPositive().isFinite();
            }
        }
    }
}
