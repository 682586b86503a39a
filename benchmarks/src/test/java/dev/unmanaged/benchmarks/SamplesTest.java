package dev.unmanaged.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SamplesTest {
    @Test
    @DisplayName("the median of an even count is the mean of the two middle values, whatever the order measured")
    void medianOfEvenCount() {
        Samples samples = new Samples().add(9).add(1).add(4).add(3);
        assertThat(samples.median()).isEqualTo(3.5);
    }

    @Test
    @DisplayName("percentiles are nearest-rank: p99 of 100 values is the 99th smallest")
    void nearestRankPercentile() {
        Samples samples = new Samples();
        for (int i = 100; i >= 1; i--) {
            samples.add(i);
        }
        assertThat(samples.percentile(99)).isEqualTo(99);
        assertThat(samples.percentile(50)).isEqualTo(50.5);
        assertThat(samples.percentile(100)).isEqualTo(100);
    }

    @Test
    @DisplayName("asking for a figure of nothing measured is an error, not a zero")
    void emptyIsAnError() {
        assertThatThrownBy(() -> new Samples().median()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no measurements");
    }
}
