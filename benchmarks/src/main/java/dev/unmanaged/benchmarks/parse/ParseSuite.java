package dev.unmanaged.benchmarks.parse;

import dev.unmanaged.benchmarks.ResultRow;
import dev.unmanaged.benchmarks.RunMode;
import dev.unmanaged.benchmarks.Samples;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs {@link ParseBenchmark} with JMH and turns its iterations into table rows (medians of iterations). */
public final class ParseSuite {
    static final int SMOKE_DOCUMENTS = 20;

    private ParseSuite() {
    }

    /** Runs the parse benchmark; in smoke mode in this JVM, on a few documents, for one short iteration. */
    public static List<ResultRow> run(RunMode mode) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(ParseBenchmark.class.getName() + "\\.")
                .shouldFailOnError(true);
        if (mode.smoke()) {
            options.forks(0).warmupIterations(0).measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(200))
                    .param("corpusLimit", String.valueOf(SMOKE_DOCUMENTS));
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        Map<String, Samples> millisPerPass = new HashMap<>();
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            Samples samples = millisPerPass.computeIfAbsent(method, m -> new Samples());
            for (BenchmarkResult fork : result.getBenchmarkResults()) {
                for (IterationResult iteration : fork.getIterationResults()) {
                    samples.add(iteration.getPrimaryResult().getScore());
                }
            }
        }
        return rows(millisPerPass, mode);
    }

    static List<ResultRow> rows(Map<String, Samples> millisPerPass, RunMode mode) {
        for (String method : List.of("ours", "domReusedBuilder", "domNewFactoryPerDocument", "staxFloor")) {
            Samples samples = millisPerPass.get(method);
            if (samples == null || samples.count() == 0 || !(samples.median() > 0)) {
                throw new IllegalStateException("the parse benchmark produced no figure for " + method);
            }
        }
        double ours = millisPerPass.get("ours").median();
        double dom = millisPerPass.get("domReusedBuilder").median();
        double domPeer = millisPerPass.get("domNewFactoryPerDocument").median();
        double floor = millisPerPass.get("staxFloor").median();
        String unit = mode.smoke() ? " ms/" + SMOKE_DOCUMENTS + " docs" : " ms/corpus";
        String note = "median of " + millisPerPass.get("ours").count() + " JMH iterations";
        List<ResultRow> rows = new ArrayList<>();
        rows.add(ResultRow.compared("Parse the corpus: ours vs DOM parse-and-walk (reused builder)",
                ResultRow.number(ours, 1) + unit, ResultRow.number(dom, 1) + unit, dom / ours, "≥ 2×",
                dom / ours >= 2, note));
        rows.add(ResultRow.compared("Parse the corpus: ours vs DOM as the peer does it (new factory per document)",
                ResultRow.number(ours, 1) + unit, ResultRow.number(domPeer, 1) + unit, domPeer / ours, "≥ 2×",
                domPeer / ours >= 2, note));
        rows.add(new ResultRow("Parse the corpus: gap to the floor (bare StAX pass over every event)",
                ResultRow.number(ours, 1) + unit, ResultRow.number(floor, 1) + unit, floor / ours, "report",
                null, "ours takes " + ResultRow.number(ours / floor, 2) + "× the floor's time"));
        return rows;
    }
}
