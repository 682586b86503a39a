package dev.unmanaged.inventory.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unmanaged.api.error.InvalidRequestException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Addresses and sizes written as text")
class TextFormsTest {
    @ParameterizedTest(name = "{0} is {1}")
    @DisplayName("IPv4 addresses convert to numbers and back")
    @CsvSource({"0.0.0.0, 0", "10.0.0.1, 167772161", "192.168.7.255, 3232237567", "255.255.255.255, 4294967295"})
    void ipv4(String address, long number) {
        assertThat(Ipv4.toNumber("ip", address)).isEqualTo(number);
        assertThat(Ipv4.fromNumber(number)).isEqualTo(address);
    }

    @ParameterizedTest
    @DisplayName("what is not a dotted-quad IPv4 address is refused with the field and the value")
    @ValueSource(strings = {"10.0.0", "10.0.0.256", "010.0.0.1", "::1", "10.0.0.1 ", ""})
    void notIpv4(String text) {
        assertThatThrownBy(() -> Ipv4.toNumber("networks[0].range.first", text))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("networks[0].range.first").hasMessageContaining("'" + text + "'");
    }

    @Test
    @DisplayName("MAC addresses are kept in lower case; other forms are refused")
    void macs() {
        assertThat(Macs.normalized("mac", "52:54:00:AB:cd:EF")).isEqualTo("52:54:00:ab:cd:ef");
        assertThatThrownBy(() -> Macs.normalized("mac", "52-54-00-ab-cd-ef")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> Macs.normalized("mac", null)).isInstanceOf(InvalidRequestException.class);
    }

    @ParameterizedTest(name = "{0} is {1} bytes")
    @DisplayName("sizes take binary units, any letter case, with or without a space")
    @CsvSource({"1024, 1024", "7 B, 7", "4KiB, 4096", "512 MiB, 536870912", "20 gib, 21474836480",
            "1 TiB, 1099511627776"})
    void sizes(String text, long bytes) {
        assertThat(Sizes.parse(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @DisplayName("sizes in other units, negative, fractional or too large are not sizes")
    @ValueSource(strings = {"20 GB", "1.5 GiB", "-1 GiB", "GiB", "99999999999999 TiB", "12 gibibytes"})
    void notSizes(String text) {
        assertThat(Sizes.parse(text)).isNull();
    }
}
