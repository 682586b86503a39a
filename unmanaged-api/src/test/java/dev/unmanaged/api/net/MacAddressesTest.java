package dev.unmanaged.api.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unmanaged.api.error.InvalidRequestException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("MAC addresses and their canonical form")
class MacAddressesTest {
    @ParameterizedTest(name = "{0} is {1}")
    @DisplayName("any case and one-digit groups (libvirt's syntax) become six lower-case pairs")
    @CsvSource({"52:54:00:12:34:56, 52:54:00:12:34:56", "52:54:00:AB:cd:EF, 52:54:00:ab:cd:ef",
            "2:54:0:a:B:1, 02:54:00:0a:0b:01"})
    void canonical(String written, String canonical) {
        assertThat(MacAddresses.canonical(written)).contains(canonical);
        assertThat(MacAddresses.requireCanonical("mac", written)).isEqualTo(canonical);
        assertThat(MacAddresses.isCanonical(canonical)).isTrue();
    }

    @ParameterizedTest
    @DisplayName("other separators, group counts and digits are no MAC, and a field holding one is refused by name")
    @NullSource
    @ValueSource(strings = {"52-54-00-ab-cd-ef", "52:54:00:ab:cd", "52:54:00:ab:cd:ef:01", "52:54:00:ab:cd:eg",
            "525:4:00:ab:cd:ef", "", "52:54:00:ab:cd:ef ", "5254.00ab.cdef"})
    void notAMac(String text) {
        assertThat(MacAddresses.canonical(text)).isEmpty();
        assertThat(MacAddresses.isCanonical(text)).isFalse();
        assertThatThrownBy(() -> MacAddresses.requireCanonical("nics[0].mac", text))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("nics[0].mac: found '" + text + "', expected " + MacAddresses.EXPECTED);
    }

    @Test
    @DisplayName("upper case and one-digit groups are written forms, not the canonical one")
    void writtenIsNotCanonical() {
        assertThat(MacAddresses.isCanonical("52:54:00:AB:CD:EF")).isFalse();
        assertThat(MacAddresses.isCanonical("2:54:00:ab:cd:ef")).isFalse();
    }
}
