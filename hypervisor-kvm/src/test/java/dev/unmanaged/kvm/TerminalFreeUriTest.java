package dev.unmanaged.kvm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("URIs opened so that ssh never prompts on a terminal")
class TerminalFreeUriTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ' ', value = {
        "qemu+ssh://root@h1/system qemu+ssh://root@h1/system?no_tty=1",
        "QEMU+SSH://root@h1/system QEMU+SSH://root@h1/system?no_tty=1",
        "qemu+ssh://h1/system?keyfile=/k qemu+ssh://h1/system?keyfile=/k&no_tty=1",
        "qemu+ssh://h1/system? qemu+ssh://h1/system?no_tty=1",
        "qemu+ssh://h1/system?no_tty=0 qemu+ssh://h1/system?no_tty=0",
        "qemu+ssh://h1/system?keyfile=/k&no_tty=1 qemu+ssh://h1/system?keyfile=/k&no_tty=1",
        "qemu+libssh2://h1/system qemu+libssh2://h1/system",
        "qemu+tls://h1/system qemu+tls://h1/system",
        "qemu:///system qemu:///system",
        "test:///default test:///default",
    })
    @DisplayName("adds no_tty=1 to ssh-transport URIs that do not set it, and leaves every other URI alone")
    void noTty(String given, String opened) {
        assertThat(TerminalFreeUri.of(given)).isEqualTo(opened);
    }
}
