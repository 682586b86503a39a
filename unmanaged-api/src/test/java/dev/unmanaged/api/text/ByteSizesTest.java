package dev.unmanaged.api.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Byte sizes: one grammar for the catalog, the command line and plan files")
class ByteSizesTest {
    @ParameterizedTest(name = "{0} is {1} bytes")
    @DisplayName("a number of bytes, binary units (with or without iB), decimal units, any case, with or without a space")
    @CsvSource({"1073741824, 1073741824", "7 B, 7", "100b, 100", "64k, 65536", "4KiB, 4096", "512MiB, 536870912",
            "512 m, 536870912", "4G, 4294967296", "4 GiB, 4294967296", "20 gib, 21474836480", "1.5GiB, 1610612736",
            "1TiB, 1099511627776", "1 P, 1125899906842624", "2KB, 2000", "3GB, 3000000000", "20 GB, 20000000000",
            "1 TB, 1000000000000", "2 PB, 2000000000000000", "'  8 GiB ', 8589934592"})
    void parses(String text, long bytes) {
        assertThat(ByteSizes.parse(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @DisplayName("what is not a whole, positive size that fits in a long is refused, naming the value and the grammar")
    @ValueSource(strings = {"", "lots", "GiB", "G4", "4XB", "12 gibibytes", "-1G", "-1 GiB", "0", "0 GiB", "1.5 B",
            "0.0001 KB", "99999999999999999999TiB", "9 EiB", "4 G B", "4,5G"})
    void refuses(String text) {
        assertThatThrownBy(() -> ByteSizes.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("found '" + text + "', expected " + ByteSizes.EXPECTED);
    }

    @Test
    @DisplayName("null is refused like any other value that is not a size")
    void refusesNull() {
        assertThatThrownBy(() -> ByteSizes.parse(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("found 'null', expected a positive size");
    }

    @ParameterizedTest(name = "{0} bytes read as {1}")
    @DisplayName("sizes for reading take the largest binary unit with at most one decimal")
    @CsvSource({"512, 512 B", "1024, 1 KiB", "4294967296, 4 GiB", "3221225472, 3 GiB", "1610612736, 1.5 GiB",
            "1099506450432, 1 TiB", "536870912, 512 MiB"})
    void forReading(long bytes, String shown) {
        assertThat(ByteSizes.forReading(bytes)).isEqualTo(shown);
    }

    @Test
    @DisplayName("an unknown size reads as a dash")
    void unknownSizeIsADash() {
        assertThat(ByteSizes.forReading(null)).isEqualTo("-");
    }

    @Test
    @DisplayName("a size read back through the grammar gives the bytes it was made from, when it needed no rounding")
    void readingParsesBack() {
        for (long bytes : new long[] {512, 1024, 1610612736L, 4294967296L, 1L << 50}) {
            assertThat(ByteSizes.parse(ByteSizes.forReading(bytes))).isEqualTo(bytes);
        }
    }

    @Test
    @DisplayName("sizes in messages keep the exact byte count, in MiB when whole")
    void withExactBytes() {
        assertThat(ByteSizes.withExactBytes(2L << 30)).isEqualTo("2048 MiB (2147483648 bytes)");
        assertThat(ByteSizes.withExactBytes(1000)).isEqualTo("1000 bytes");
    }
}
