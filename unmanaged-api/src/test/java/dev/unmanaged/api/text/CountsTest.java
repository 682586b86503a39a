package dev.unmanaged.api.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Counts: a counted noun in plain English")
class CountsTest {
    @ParameterizedTest(name = "{0} {1} reads \"{2}\"")
    @DisplayName("one takes the singular, every other count the plural")
    @CsvSource({"1, vCPU, 1 vCPU", "2, vCPU, 2 vCPUs", "0, host, 0 hosts", "-1, host, -1 hosts"})
    void counts(long n, String noun, String expected) {
        assertThat(Counts.of(n, noun)).isEqualTo(expected);
    }
}
