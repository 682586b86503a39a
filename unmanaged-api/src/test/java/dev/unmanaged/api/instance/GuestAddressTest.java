package dev.unmanaged.api.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Guest addresses of NICs")
class GuestAddressTest {
    private static GuestAddress lease(String address, int prefix) {
        return new GuestAddress(address, prefix, GuestAddress.Source.LEASE);
    }

    @Test
    @DisplayName("an address knows its family, prints as address/prefix (source), and refuses a prefix too long for it")
    void addressAndPrefix() {
        assertThat(lease("10.0.0.5", 24).isIpv4()).isTrue();
        assertThat(lease("fe80::1", 64).isIpv4()).isFalse();
        assertThat(lease("10.0.0.5", 24)).hasToString("10.0.0.5/24 (lease)");
        assertThatThrownBy(() -> lease("10.0.0.5", 33)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("33").hasMessageContaining("0 to 32");
        assertThatThrownBy(() -> lease(" ", 24)).isInstanceOf(IllegalArgumentException.class);
        assertThat(lease("2001:db8::5", 128).prefix()).isEqualTo(128);
    }

    @Test
    @DisplayName("a NIC has none unless given, and lists its distinct IPv4 addresses in the order reported")
    void nicAddresses() {
        NicDescriptor nic = new NicDescriptor("bridge", "52:54:00:00:00:01", "virtio", "br0", List.of(), null, null,
                null);
        NicDescriptor withAddresses = nic.withGuestAddresses(List.of(lease("10.0.0.7", 24),
                new GuestAddress("fe80::1", 64, GuestAddress.Source.AGENT),
                new GuestAddress("10.0.0.7", 24, GuestAddress.Source.AGENT), lease("10.0.0.6", 24)));

        assertThat(nic.guestAddresses()).isEmpty();
        assertThat(withAddresses.guestIpv4Addresses()).containsExactly("10.0.0.7", "10.0.0.6");
        assertThat(withAddresses.withGuestAddresses(List.of())).isEqualTo(nic);
    }
}
