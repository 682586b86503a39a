package dev.unmanaged.benchmarks.parse;

import dev.unmanaged.benchmarks.ResultRow;
import dev.unmanaged.benchmarks.RunMode;
import dev.unmanaged.benchmarks.Samples;
import java.util.function.LongSupplier;

/**
 * Ours against the floor pass by pass, alternating in one JVM: on a machine whose load changes while the
 * benchmark runs (JMH runs one method after the other, minutes apart), both sides of each pair see the same
 * load, so the median of the per-pair ratios is the steadier figure.
 */
final class InterleavedFloorGap {
    private static final long WARM_UP_NANOS = 10_000_000_000L;
    private static final int PAIRS = 31;

    private InterleavedFloorGap() {
    }

    static ResultRow measure(RunMode mode, int smokeDocuments) {
        ParseBenchmark corpus = new ParseBenchmark();
        corpus.corpusLimit = mode.smoke() ? smokeDocuments : 0;
        corpus.setUp();
        for (long end = System.nanoTime() + (mode.smoke() ? 0 : WARM_UP_NANOS); System.nanoTime() < end; ) {
            corpus.oursPass();
            corpus.floorPass();
        }
        long disks = 0;
        Samples ours = new Samples();
        Samples floor = new Samples();
        Samples ratios = new Samples();
        for (int pair = 0; pair < (mode.smoke() ? 1 : PAIRS); pair++) {
            long start = System.nanoTime();
            disks = corpus.oursPass();
            double oursMillis = (System.nanoTime() - start) / 1e6;
            double floorMillis = timed(corpus::floorPass);
            ours.add(oursMillis);
            floor.add(floorMillis);
            ratios.add(oursMillis / floorMillis);
        }
        String unit = mode.smoke() ? " ms/" + smokeDocuments + " docs" : " ms/corpus";
        double gap = ratios.median();
        return ResultRow.compared("Parse the corpus: gap to the floor, interleaved passes (the JDK's StAX for both)",
                ResultRow.number(ours.median(), 1) + unit, ResultRow.number(floor.median(), 1) + unit, 1 / gap,
                "ours ≤ 1.25× the floor (ratio ≥ 0.80×)", gap <= 1.25, "ours takes " + ResultRow.number(gap, 2)
                        + "× the floor's time (median of " + ratios.count() + " alternating pairs of passes; "
                        + corpus.documentCount() + " documents, " + disks + " disks per pass)");
    }

    private static double timed(LongSupplier pass) {
        long start = System.nanoTime();
        pass.getAsLong();
        return (System.nanoTime() - start) / 1e6;
    }
}
