package dev.unmanaged.benchmarks;

/** How long the benchmarks run: the full set for figures, or a smoke check that every benchmark still runs. */
public enum RunMode {
    /** Every benchmark at full size with warm-up and repeated runs; the figures that are published. */
    FULL,
    /** Every benchmark at a tiny size, once; checks that it runs and produces numbers, not how fast. */
    SMOKE;

    /** {@code full} when FULL, {@code smoke} when SMOKE. */
    public boolean smoke() {
        return this == SMOKE;
    }
}
