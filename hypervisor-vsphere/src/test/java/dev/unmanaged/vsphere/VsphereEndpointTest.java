package dev.unmanaged.vsphere;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unmanaged.api.error.InvalidRequestException;
import java.net.URI;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("vSphere host addresses")
class VsphereEndpointTest {
    private static final String THUMBPRINT = "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89"
            + ":AB:CD:EF:01:23:45:67:89";

    @Test
    @DisplayName("a plain address takes port 443 and path /sdk, checks certificates with the JDK and narrows nothing")
    void defaults() {
        VsphereEndpoint endpoint = VsphereEndpoint.parse("vsphere://administrator%40vsphere.local@vc1.example.com");
        assertThat(endpoint.user()).isEqualTo("administrator@vsphere.local");
        assertThat(endpoint.sdkUri()).isEqualTo(URI.create("https://vc1.example.com:443/sdk"));
        assertThat(endpoint.thumbprint()).isNull();
        assertThat(endpoint.insecure()).isFalse();
        assertThat(endpoint.datacenter()).isNull();
        assertThat(endpoint.cluster()).isNull();
        assertThat(endpoint.esxiHost()).isNull();
    }

    @Test
    @DisplayName("port, path, narrowing parameters and a thumbprint in any letter case are read")
    void everything() {
        VsphereEndpoint endpoint = VsphereEndpoint.parse("vsphere://ops@10.0.0.5:8443/custom/sdk?datacenter=DC%201"
                + "&cluster=gold&host=esx-07&thumbprint=" + THUMBPRINT.toLowerCase());
        assertThat(endpoint.sdkUri()).isEqualTo(URI.create("https://10.0.0.5:8443/custom/sdk"));
        assertThat(endpoint.datacenter()).isEqualTo("DC 1");
        assertThat(endpoint.cluster()).isEqualTo("gold");
        assertThat(endpoint.esxiHost()).isEqualTo("esx-07");
        assertThat(endpoint.thumbprint()).isEqualTo(THUMBPRINT);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"vsphere://ops:Hunter2-secret@vc1/sdk", "vsphere://ops%3AHunter2-secret@vc1/sdk",
        "vsphere://ops:@vc1/sdk"})
    @DisplayName("an address with a password is refused, and the error does not repeat the password")
    void passwordRefused(String address) {
        assertThatThrownBy(() -> VsphereEndpoint.parse(address))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("host address").hasMessageContaining("UNMANAGED_VSPHERE_PASSWORD")
                .hasMessageNotContaining("Hunter2-secret");
    }

    @Test
    @DisplayName("an address that is no URI because its password holds an @ is refused without repeating it")
    void unparsablePasswordMasked() {
        assertThatThrownBy(() -> VsphereEndpoint.parse("vsphere://administrator@vsphere.local:Hunter2@secret@vc1"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("host address")
                .hasMessageNotContaining("Hunter2").hasMessageNotContaining("secret");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "qemu:///system | vsphere://USER@HOST",
            "vsphere://vc1/sdk | a user name",
            "vsphere://ops@vc1?thumbprint=AB:CD | SHA-256 thumbprint",
            "vsphere://ops@vc1?insecure=yes | insecure=true or insecure=false",
            "vsphere://ops@vc1?pool=gold | query parameters among",
            "vsphere://ops@vc1?cluster= | a value for the query parameter cluster",
            "vsphere://ops@vc1?host=a&host=b | the query parameter host once"})
    @DisplayName("a bad address is a typed error naming the field and what was expected")
    void badAddresses(String address, String expected) {
        assertThatThrownBy(() -> VsphereEndpoint.parse(address)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("host address").hasMessageContaining(expected);
    }
}
