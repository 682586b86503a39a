package dev.unmanaged.benchmarks.parse;

import dev.unmanaged.benchmarks.ResultRow;
import dev.unmanaged.benchmarks.RunMode;
import dev.unmanaged.benchmarks.Samples;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Ours, the floor (a bare pass of the same StAX implementation, the JDK's) and the peer's way (CloudStack's:
 * a new hardened DOM factory per document, then a walk of the same fields), one pass each in turn, in one JVM:
 * on a machine whose load changes while the benchmark runs (JMH runs one method after the other, minutes
 * apart), the three passes of a round see the same load, so the medians of the per-round ratios are the
 * steadier figures.
 */
public final class InterleavedParse {
    private static final long WARM_UP_NANOS = 15_000_000_000L;
    private static final int ROUNDS = 21;

    private InterleavedParse() {
    }

    /** Measures; in smoke mode on a few documents, one round without warm-up. */
    public static List<ResultRow> run(RunMode mode) {
        ParseBenchmark corpus = new ParseBenchmark();
        corpus.corpusLimit = mode.smoke() ? ParseSuite.SMOKE_DOCUMENTS : 0;
        corpus.setUp();
        for (long end = System.nanoTime() + (mode.smoke() ? 0 : WARM_UP_NANOS); System.nanoTime() < end; ) {
            corpus.oursPass();
            corpus.floorPass();
            corpus.peerPass();
        }
        Samples ours = new Samples();
        Samples floor = new Samples();
        Samples peer = new Samples();
        Samples oursToFloor = new Samples();
        Samples peerToOurs = new Samples();
        for (int round = 0; round < (mode.smoke() ? 1 : ROUNDS); round++) {
            double oursMillis = timed(corpus::oursPass);
            double floorMillis = timed(corpus::floorPass);
            double peerMillis = timed(corpus::peerPass);
            ours.add(oursMillis);
            floor.add(floorMillis);
            peer.add(peerMillis);
            oursToFloor.add(oursMillis / floorMillis);
            peerToOurs.add(peerMillis / oursMillis);
        }
        String unit = mode.smoke() ? " ms/" + ParseSuite.SMOKE_DOCUMENTS + " docs" : " ms/corpus";
        String note = "median of the ratios of " + oursToFloor.count() + " rounds of one pass each, in turn; "
                + corpus.documentCount() + " documents per pass";
        double gap = oursToFloor.median();
        return List.of(
                ResultRow.compared("Parse the corpus, passes in turn: gap to the floor (the JDK's StAX for both)",
                        ResultRow.number(ours.median(), 1) + unit, ResultRow.number(floor.median(), 1) + unit,
                        1 / gap, "ours ≤ 1.25× the floor (ratio ≥ 0.80×)", gap <= 1.25,
                        "ours takes " + ResultRow.number(gap, 2) + "× the floor's time; " + note),
                ResultRow.compared("Parse the corpus, passes in turn: ours vs DOM as the peer does it (new factory"
                                + " per document)", ResultRow.number(ours.median(), 1) + unit,
                        ResultRow.number(peer.median(), 1) + unit, peerToOurs.median(), "≥ 2×",
                        peerToOurs.median() >= 2, note));
    }

    private static double timed(LongSupplier pass) {
        long start = System.nanoTime();
        pass.getAsLong();
        return (System.nanoTime() - start) / 1e6;
    }
}
