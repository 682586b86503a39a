package dev.unmanaged.kvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unmanaged.api.error.AccessDeniedException;
import dev.unmanaged.api.error.HostUnavailableException;
import dev.unmanaged.api.error.InstanceNotFoundException;
import dev.unmanaged.api.error.OperationNotSupportedException;
import dev.unmanaged.api.error.ProviderFailureException;
import dev.unmanaged.api.error.UnmanagedException;
import java.lang.reflect.Constructor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.libvirt.Error;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.libvirt.jna.virError;

/**
 * libvirt's error codes as typed errors. The exceptions are made as libvirt-java makes them (from the C
 * {@code virError} structure), for codes the test driver cannot be made to raise.
 */
@DisplayName("libvirt errors as typed errors")
class LibvirtErrorsTest {
    private static final String HOST = "h1";

    static LibvirtException libvirtError(ErrorNumber code, String message) throws Exception {
        virError raw = new virError();
        raw.code = code.ordinal();
        raw.message = message;
        raw.level = Error.ErrorLevel.VIR_ERR_ERROR.ordinal();
        Constructor<LibvirtException> constructor = LibvirtException.class.getDeclaredConstructor(Error.class);
        constructor.setAccessible(true);
        return constructor.newInstance(new Error(raw));
    }

    private static UnmanagedException map(ErrorNumber code) throws Exception {
        return LibvirtErrors.map(libvirtError(code, "libvirt says no"), HOST, "listing domains", "web-1");
    }

    @Test
    @DisplayName("no such domain is a not-found error naming the instance and the host")
    void noDomain() throws Exception {
        assertThat(map(ErrorNumber.VIR_ERR_NO_DOMAIN)).isInstanceOfSatisfying(InstanceNotFoundException.class, e -> {
            assertThat(e.instance()).isEqualTo("web-1");
            assertThat(e.where()).isEqualTo(HOST);
        });
    }

    @ParameterizedTest
    @EnumSource(value = ErrorNumber.class, names = {"VIR_ERR_NO_CONNECT", "VIR_ERR_INVALID_CONN", "VIR_ERR_RPC",
        "VIR_ERR_SYSTEM_ERROR", "VIR_ERR_OPERATION_TIMEOUT", "VIR_ERR_UNKNOWN_HOST", "VIR_ERR_GNUTLS_ERROR",
        "VIR_ERR_SSH", "VIR_ERR_LIBSSH", "VIR_ERR_NO_SERVER"})
    @DisplayName("connection failures, closed connections and timeouts make the host unavailable")
    void hostUnavailable(ErrorNumber code) throws Exception {
        assertThat(map(code)).isInstanceOfSatisfying(HostUnavailableException.class,
                e -> assertThat(e.hostId()).isEqualTo(HOST)).hasMessageContaining(code.name())
                .hasMessageContaining("libvirt says no");
    }

    @ParameterizedTest
    @EnumSource(value = ErrorNumber.class, names = {"VIR_ERR_OPERATION_DENIED", "VIR_ERR_ACCESS_DENIED",
        "VIR_ERR_AUTH_FAILED", "VIR_ERR_AUTH_CANCELLED", "VIR_ERR_AUTH_UNAVAILABLE"})
    @DisplayName("refusals for lack of permission (read-only, access control, authentication) are access denied")
    void accessDenied(ErrorNumber code) throws Exception {
        assertThat(map(code)).isInstanceOf(AccessDeniedException.class).hasMessageContaining(HOST)
                .hasMessageContaining(code.name());
    }

    @Test
    @DisplayName("an SSH host key that is unknown or changed is access denied, saying what to add where")
    void unknownSshHostKey() throws Exception {
        LibvirtException refused = libvirtError(ErrorNumber.VIR_ERR_SYSTEM_ERROR,
                "Cannot recv data: Host key verification failed.: Connection reset by peer");

        assertThat(LibvirtErrors.map(refused, HOST, "connecting to qemu+ssh://h1/system", null))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining(HOST)
                .hasMessageContaining("Host key verification failed").hasMessageContaining("known_hosts");
    }

    @ParameterizedTest
    @EnumSource(value = ErrorNumber.class, names = {"VIR_ERR_NO_SUPPORT", "VIR_ERR_OPERATION_UNSUPPORTED",
        "VIR_ERR_ARGUMENT_UNSUPPORTED", "VIR_ERR_CONFIG_UNSUPPORTED"})
    @DisplayName("what the host's libvirt does not support is operation-not-supported")
    void notSupported(ErrorNumber code) throws Exception {
        assertThat(map(code)).isInstanceOf(OperationNotSupportedException.class).hasMessageContaining(code.name());
    }

    @ParameterizedTest
    @EnumSource(value = ErrorNumber.class, names = {"VIR_ERR_INTERNAL_ERROR", "VIR_ERR_XML_ERROR",
        "VIR_ERR_OPERATION_INVALID", "VIR_ERR_OPERATION_FAILED", "VIR_ERR_NO_STORAGE_VOL"})
    @DisplayName("anything else is a provider failure that keeps libvirt's code and message")
    void otherwiseProviderFailure(ErrorNumber code) throws Exception {
        assertThat(map(code)).isInstanceOf(ProviderFailureException.class).hasMessageContaining(code.name())
                .hasMessageContaining("libvirt says no").hasMessageContaining("listing domains");
    }

    @Test
    @DisplayName("a code newer than libvirt-java knows is a provider failure, not a crash")
    void unknownCode() throws Exception {
        virError raw = new virError();
        raw.code = 10_000;
        raw.message = "from the future";
        Constructor<LibvirtException> constructor = LibvirtException.class.getDeclaredConstructor(Error.class);
        constructor.setAccessible(true);
        LibvirtException future = constructor.newInstance(new Error(raw));

        assertThat(LibvirtErrors.map(future, HOST, "listing domains", null))
                .isInstanceOf(ProviderFailureException.class).hasMessageContaining("from the future");
    }

    @Test
    @DisplayName("a system error on a connection that is still alive is a failure of the call, not of the host")
    void systemErrorOnLiveConnection() throws Exception {
        LibvirtException unreadable = libvirtError(ErrorNumber.VIR_ERR_SYSTEM_ERROR, "Failed to open file");

        assertThat(LibvirtErrors.mapCallFailure(unreadable, HOST, "reading disk vda", null))
                .isInstanceOf(ProviderFailureException.class).hasMessageContaining("Failed to open file");
        assertThat(LibvirtErrors.mapCallFailure(libvirtError(ErrorNumber.VIR_ERR_NO_SUPPORT, "x"), HOST, "x", null))
                .isInstanceOf(OperationNotSupportedException.class);
    }

    @Test
    @DisplayName("errors of calls that carried a secure definition never quote libvirt's message nor keep it as cause")
    void secureCallsWithholdDetail() throws Exception {
        LibvirtException quoting = libvirtError(ErrorNumber.VIR_ERR_XML_ERROR,
                "unsupported configuration in <graphics passwd='hunter22'>");

        UnmanagedException mapped = LibvirtErrors.mapWithoutDetail(quoting, HOST, "defining domain d1", "d1");

        assertThat(mapped).isInstanceOf(ProviderFailureException.class).hasMessageContaining("VIR_ERR_XML_ERROR")
                .hasMessageNotContaining("hunter22").hasNoCause();
        assertThat(LibvirtErrors.mapWithoutDetail(libvirtError(ErrorNumber.VIR_ERR_OPERATION_DENIED, "passwd='x1'"),
                HOST, "defining domain d1", "d1")).isInstanceOf(AccessDeniedException.class)
                .hasMessageNotContaining("x1").hasNoCause();
    }
}
