package dev.unmanaged.api.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.inventory.AddressRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("IPv4 addresses in dotted-quad form and as numbers")
class Ipv4AddressesTest {
    @ParameterizedTest(name = "{0} is {1}")
    @DisplayName("addresses convert to numbers and back")
    @CsvSource({"0.0.0.0, 0", "10.0.0.1, 167772161", "192.168.7.255, 3232237567", "255.255.255.255, 4294967295"})
    void numbers(String address, long number) {
        assertThat(Ipv4Addresses.isValid(address)).isTrue();
        assertThat(Ipv4Addresses.toNumber(address)).isEqualTo(number);
        assertThat(Ipv4Addresses.fromNumber(number)).isEqualTo(address);
    }

    @ParameterizedTest
    @DisplayName("other forms are not addresses: too few parts, parts over 255, leading zeros, IPv6, spaces")
    @NullSource
    @ValueSource(strings = {"10.0.0", "10.0.0.256", "010.0.0.1", "::1", "10.0.0.1 ", "", "1.2.3.4.5", "a.b.c.d",
            "1..2.3", "١.٢.٣.٤"})
    void invalid(String text) {
        assertThat(Ipv4Addresses.isValid(text)).isFalse();
        assertThatThrownBy(() -> Ipv4Addresses.toNumber(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'").hasMessageContaining(Ipv4Addresses.EXPECTED);
        assertThatThrownBy(() -> Ipv4Addresses.requireValid("networks[0].range.first", text))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("networks[0].range.first: found '" + text + "', expected " + Ipv4Addresses.EXPECTED);
    }

    @Test
    @DisplayName("numbers outside 32 bits have no address")
    void numbersOutOfRange() {
        assertThatThrownBy(() -> Ipv4Addresses.fromNumber(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ipv4Addresses.fromNumber(1L << 32)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a range gives the offset of an address inside it, the inverse of addressAt, and refuses others")
    void rangeOffsets() {
        var range = new AddressRange("10.0.0.250", "10.0.1.5");
        assertThat(range.size()).isEqualTo(12);
        assertThat(range.offsetOf("10.0.1.0")).isEqualTo(6);
        assertThat(range.addressAt(range.offsetOf("10.0.1.5"))).isEqualTo("10.0.1.5");
        assertThatThrownBy(() -> range.offsetOf("10.0.1.6")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'10.0.1.6'").hasMessageContaining("10.0.0.250-10.0.1.5");
    }
}
