package dev.unmanaged.api.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The user part of an address")
class UserInfoTest {
    private static final String PASSWORD = "S3cr3t-pw";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "qemu+ssh://root:S3cr3t-pw@h/system",
            "root:S3cr3t-pw@h",
            "  root:S3cr3t-pw@h",
            "qemu+ssh://root%3AS3cr3t-pw@h/system",
            "qemu+ssh://root%3aS3cr3t-pw@h/system",
            "qemu+tcp://:S3cr3t-pw@h/system",
            "vsphere://administrator@vsphere.local:S3cr3t-pw@vc1/sdk",
            "vsphere://ops:S3cr3t@pw@vc1/sdk",
            "qemu+ssh://root:S3cr3t-pw@[::1]:22/system?keyfile=/k"})
    @DisplayName("with a colon before the host's @, written or percent-encoded, holds a password, which redaction masks")
    void holdsPassword(String address) {
        assertThat(UserInfo.holdsPassword(address)).isTrue();
        assertThat(SecretRedaction.redact(address)).doesNotContain(PASSWORD).doesNotContain("S3cr3t")
                .contains(SecretRedaction.MASK);
    }

    @Test
    @DisplayName("with an empty password (user:@host) holds one: the colon says a password goes there")
    void emptyPassword() {
        assertThat(UserInfo.holdsPassword("https://user:@h/sdk")).isTrue();
        assertThat(SecretRedaction.redact("https://user:@h/sdk")).isEqualTo("https://user:***@h/sdk");
    }

    @Test
    @DisplayName("is masked up to the host's @ alone, keeping the user, the host and the rest readable")
    void maskKeepsTheRest() {
        assertThat(SecretRedaction.redact("vsphere://administrator@vsphere.local:S3cr3t-pw@vc1/sdk?x=a@b"))
                .isEqualTo("vsphere://administrator@vsphere.local:***@vc1/sdk?x=a@b");
        assertThat(SecretRedaction.redact("qemu+ssh://root%3AS3cr3t-pw@h/system"))
                .isEqualTo("qemu+ssh://root%3A***@h/system");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "qemu+ssh://root@h/system",
            "qemu+tcp://[::1]/system",
            "qemu+ssh://[fe80::1]:22/system",
            "test:///path:with:colons",
            "qemu:///system",
            "vsphere://administrator%40vsphere.local@vc1",
            "qemu+unix:///system?socket=/run/a:b@c",
            "qemu+ssh://root@h/a:b@c",
            "root@h:/srv/a:b@c",
            "h:22"})
    @DisplayName("without a colon before the host's @ holds no password, and redaction leaves the address as it is")
    void noPassword(String address) {
        assertThat(UserInfo.holdsPassword(address)).isFalse();
        assertThat(SecretRedaction.redact(address)).isEqualTo(address);
    }
}
