package dev.unmanaged.kvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.unmanaged.api.error.HostUnavailableException;
import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.error.ProviderFailureException;
import dev.unmanaged.api.error.UnmanagedException;
import dev.unmanaged.api.instance.Host;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.libvirt.Error.ErrorNumber;

/**
 * libvirt's error text quotes the document line that failed, and the test driver reads any file it is pointed
 * at: neither may carry a console password or a file's content into the provider's errors.
 */
@DisplayName("Secrets and file contents never reach the KVM provider's errors")
class SecretsInLibvirtErrorsTest {
    private static final String SENTINEL = "SENTINEL-" + UUID.randomUUID();

    @TempDir
    Path dir;

    private final KvmInstanceProvider provider = new KvmInstanceProvider(TestDriverHosts.OPTIONS);

    @AfterEach
    void close() {
        provider.close();
    }

    /** The error as a user with {@code --debug} would see it: message, causes and stack trace. */
    static String everything(Throwable error) {
        var out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    private Host nodeWithGraphicsLine(String graphicsLine) throws IOException {
        Path node = dir.resolve("node-" + UUID.randomUUID() + ".xml");
        Files.writeString(node, String.join("\n",
                "<node>",
                "  <domain type='test'>",
                "    <name>vm-1</name><memory>1048576</memory><os><type>hvm</type></os>",
                "    <devices>",
                "      " + graphicsLine,
                "    </devices>",
                "  </domain>",
                "</node>", ""));
        return new Host("h-broken", "kvm", "test://" + node);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "<graphics type='vnc' port='-1' passwd='%s' <bad/>",
        "<graphics type='spice' autoport='yes' passwd=\"%s\" x='1' x='2'/>",
        "<graphics type='vnc' passwd='%s <bad/>",
        "<graphics type='spice' passwd=%s />",
        "<graphics type='vnc' passwd='%s'></graphic>"})
    @DisplayName("a node file with an XML error on the line holding a console password is reported without it")
    void passwordLine(String graphicsLine) throws IOException {
        Host host = nodeWithGraphicsLine(graphicsLine.formatted(SENTINEL));

        Throwable listing = catchThrowable(() -> provider.listInstances(host));
        Throwable describing = catchThrowable(() -> provider.describeInstance(host, "vm-1"));

        assertThat(listing).isInstanceOf(HostUnavailableException.class)
                .hasMessageContaining("the file is not a libvirt test-driver node document");
        assertThat(everything(listing)).doesNotContain(SENTINEL);
        assertThat(everything(describing)).doesNotContain(SENTINEL);
    }

    @Test
    @DisplayName("a file that is no node document is named, and its first line is not quoted")
    void foreignFile() throws IOException {
        Path shadow = Files.writeString(dir.resolve("shadow"), "root:" + SENTINEL + ":19000:0:99999:7:::\n");
        Host host = new Host("h-shadow", "kvm", "test://" + shadow);

        Throwable error = catchThrowable(() -> provider.listInstances(host));

        assertThat(error).isInstanceOf(HostUnavailableException.class).hasMessageContaining(shadow.toString())
                .hasMessageContaining("is not a libvirt test-driver node document");
        assertThat(everything(error)).doesNotContain(SENTINEL).doesNotContain("root:");
    }

    @Test
    @DisplayName("a node file that does not exist is reported as such")
    void missingFile() {
        Host host = new Host("h-missing", "kvm", "test://" + dir.resolve("absent.xml"));

        assertThatThrownBy(() -> provider.listInstances(host)).isInstanceOf(HostUnavailableException.class)
                .hasMessageContaining("absent.xml").hasMessageContaining("does not exist or this process may not read it");
    }

    @Nested
    @DisplayName("the test driver")
    class TestDriverOption {
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"test:///default", "test:///etc/passwd", "TEST:///default", "test+unix:///default"})
        @DisplayName("is refused by default with a typed error that says how to enable it")
        void refusedByDefault(String uri) {
            try (var defaults = new KvmInstanceProvider()) {
                Host host = new Host("h-test", "kvm", uri);

                assertThatThrownBy(() -> defaults.listInstances(host))
                        .isInstanceOfSatisfying(InvalidRequestException.class,
                                e -> assertThat(e.field()).isEqualTo("host.address"))
                        .hasMessageContaining("testDriverAllowed(true)");
                assertThatThrownBy(() -> defaults.describeInstance(host, "vm-1"))
                        .isInstanceOf(InvalidRequestException.class);
                assertThatThrownBy(() -> defaults.prepareForUnmanage(host, UUID.randomUUID()))
                        .isInstanceOf(InvalidRequestException.class);
                assertThat(defaults.openedConnections()).isZero();
            }
        }

        @Test
        @DisplayName("is served when the option enables it")
        void allowed() {
            assertThat(provider.listInstances(TestDriverHosts.mixedStates())).isNotEmpty();
            assertThat(KvmProviderOptions.defaults().testDriverAllowed()).isFalse();
        }
    }

    @Nested
    @DisplayName("libvirt's message text")
    class MessageText {
        private static final String QUOTING = "XML error: /srv/node.xml:7: error parsing attribute name\n"
                + "    <graphics type='vnc' port='-1' passwd='" + SENTINEL + "' <bad/>\n"
                + "--------------------------------------------------^";

        @Test
        @DisplayName("is redacted in typed errors, in their causes and for calls that failed on a live connection")
        void redactedInMappings() throws Exception {
            var error = LibvirtErrorsTest.libvirtError(ErrorNumber.VIR_ERR_XML_ERROR, QUOTING);

            UnmanagedException mapped = LibvirtErrors.map(error, "h1", "listing domains", null);
            UnmanagedException callFailure = LibvirtErrors.mapCallFailure(
                    LibvirtErrorsTest.libvirtError(ErrorNumber.VIR_ERR_SYSTEM_ERROR, QUOTING), "h1", "reading", null);

            assertThat(mapped).isInstanceOf(ProviderFailureException.class).hasMessageContaining("passwd='***'")
                    .hasMessageContaining("VIR_ERR_XML_ERROR");
            assertThat(everything(mapped)).doesNotContain(SENTINEL);
            assertThat(callFailure).hasMessageContaining("passwd='***'");
            assertThat(everything(callFailure)).doesNotContain(SENTINEL);
            assertThat(LibvirtErrors.libvirtMessage(error)).doesNotContain(SENTINEL);
        }

        @Test
        @DisplayName("of a define from the secure definition during unmanage preparation is withheld")
        void preparationDefine() throws Exception {
            var error = LibvirtErrorsTest.libvirtError(ErrorNumber.VIR_ERR_XML_DETAIL, QUOTING);

            UnmanagedException mapped = LibvirtErrors.mapWithoutDetail(error, "h1",
                    "preparing domain for unmanage", null);

            assertThat(mapped).hasMessageContaining("VIR_ERR_XML_DETAIL").hasMessageContaining("withheld");
            assertThat(everything(mapped)).doesNotContain(SENTINEL).doesNotContain("graphics");
        }
    }
}
