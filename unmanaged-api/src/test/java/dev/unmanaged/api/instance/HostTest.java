package dev.unmanaged.api.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unmanaged.api.error.InvalidRequestException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("A host's address")
class HostTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"qemu+ssh://root:S3cr3t-pw@kvm-1/system", "vsphere://admin:S3cr3t-pw@vc.example/sdk",
        "qemu+tcp://:S3cr3t-pw@kvm-1/system"})
    @DisplayName("with a password in its user part is refused, naming the field and never the password")
    void passwordRefused(String address) {
        assertThatThrownBy(() -> Host.kvm(address)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("host address").hasMessageContaining("without a password")
                .hasMessageNotContaining("S3cr3t-pw");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"qemu+ssh://root@kvm-1/system", "qemu:///system", "test:///default",
        "qemu+ssh://root@kvm-1/system?keyfile=/k:1", "vsphere://admin@vc.example/sdk?insecure=true",
        "qemu+ssh://[fe80::1]:22/system", "qemu+unix:///system?socket=/run/a:b@c"})
    @DisplayName("without one is kept as given")
    void kept(String address) {
        assertThat(Host.kvm(address).address()).isEqualTo(address);
    }
}
