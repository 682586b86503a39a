package dev.unmanaged.api.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("IPv6 addresses")
class Ipv6AddressesTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "2001:0DB8:0000:0000:0000:0000:0000:0005, 2001:db8::5",
        "fe80:0:0:0:5054:ff:fe00:1, fe80::5054:ff:fe00:1",
        "2001:db8:0:1:0:0:0:5, 2001:db8:0:1::5",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "2001:db8::0:1, 2001:db8::1",
        "2001:0:0:1::1, 2001:0:0:1::1",
        "1:0:1:1:1:1:1:1, 1:0:1:1:1:1:1:1",
        "::, ::",
        "::1, ::1",
        "1::, 1::",
        "::ffff:10.0.0.5, ::ffff:a00:5",
        "FE80::ABCD, fe80::abcd"
    })
    @DisplayName("have one canonical text form (RFC 5952), whatever form they were written in")
    void canonicalForm(String written, String canonical) {
        assertThat(Ipv6Addresses.isValid(written)).isTrue();
        assertThat(Ipv6Addresses.canonical(written)).isEqualTo(canonical);
        assertThat(Ipv6Addresses.canonical(canonical)).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", ":", ":::", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", "g::1",
        "fe80::1%eth0", "[::1]", "10.0.0.5", "::1.2.3", "::256.0.0.1", "1:2:3:4:5:6:7:8::", ":1::",
        "\uff11::", "::1 ", "localhost"})
    @DisplayName("refuse text that is not an address, without ever looking a name up")
    void notAddresses(String text) {
        assertThat(Ipv6Addresses.isValid(text)).isFalse();
        assertThat(Ipv6Addresses.canonical(text)).isNull();
    }

    @Test
    @DisplayName("write 16 bytes in network order in the same canonical form, and refuse any other length")
    void fromBytes() {
        byte[] bytes = new byte[16];
        bytes[0] = 0x20;
        bytes[1] = 0x01;
        bytes[2] = 0x0d;
        bytes[3] = (byte) 0xb8;
        bytes[15] = 5;
        assertThat(Ipv6Addresses.canonical(bytes)).isEqualTo("2001:db8::5");
        assertThat(Ipv6Addresses.canonical((String) null)).isNull();
        assertThatThrownBy(() -> Ipv6Addresses.canonical(new byte[4])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16 bytes, not 4");
    }
}
