package dev.unmanaged.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Measured values of one quantity, summarised by order statistics (robust on a shared, noisy machine). */
public final class Samples {
    private final List<Double> values = new ArrayList<>();

    /** Adds one measurement. */
    public Samples add(double value) {
        values.add(value);
        return this;
    }

    /** How many measurements there are. */
    public int count() {
        return values.size();
    }

    /** The median. */
    public double median() {
        return percentile(50);
    }

    /** The nearest-rank percentile, {@code p} in (0, 100]. */
    public double percentile(double p) {
        if (values.isEmpty()) {
            throw new IllegalStateException("no measurements");
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        if (p == 50 && sorted.length % 2 == 0) {
            return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** The values in the order they were measured. */
    public List<Double> values() {
        return List.copyOf(values);
    }
}
