package dev.unmanaged.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SizesTest {
    @ParameterizedTest(name = "{0} is {1} bytes")
    @CsvSource({"1073741824, 1073741824", "4GiB, 4294967296", "4G, 4294967296", "4 GiB, 4294967296",
            "512MiB, 536870912", "512m, 536870912", "1.5GiB, 1610612736", "2KB, 2000", "3GB, 3000000000",
            "1TiB, 1099511627776", "64k, 65536", "100b, 100"})
    void parsesSizesAsPeopleWriteThem(String text, long bytes) {
        assertThat(Sizes.parse(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "lots", "4XB", "-1G", "0", "G4", "99999999999999999999TiB"})
    @DisplayName("a value that is not a positive size is refused, naming the value")
    void refusesWhatIsNotASize(String text) {
        assertThatThrownBy(() -> Sizes.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text);
    }

    @ParameterizedTest(name = "{0} bytes read as {1}")
    @CsvSource({"512, 512 B", "1024, 1 KiB", "4294967296, 4 GiB", "3221225472, 3 GiB", "1610612736, 1.5 GiB",
            "1099506450432, 1 TiB", "536870912, 512 MiB"})
    void formatsForReading(long bytes, String shown) {
        assertThat(Sizes.format(bytes)).isEqualTo(shown);
    }

    @Test
    void unknownSizeIsADash() {
        assertThat(Sizes.format(null)).isEqualTo("-");
    }
}
