package dev.unmanaged.reliability.names;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.kvm.KvmInstanceProvider;
import dev.unmanaged.reliability.support.TestDriverNode;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: a domain whose name holds a carriage return was listed under another name (libvirt writes the
 * character raw into {@code <name>}, and XML end-of-line handling reads it back as a line feed), so describing
 * or importing it by its listed name failed with "no instance".
 */
@DisplayName("A domain is listed under the very name libvirt holds, control characters included")
class LibvirtNameFidelityTest {
    @Test
    void carriageReturnInAName(@TempDir Path dir) {
        UUID uuid = UUID.randomUUID();
        String name = "cr\rtab\tend";
        String uri = new TestDriverNode()
                .domain(name, uuid.toString(), "/var/lib/fake/images/cr.qcow2", "52:54:00:0c:0d:0e", "x", false)
                .write(dir, "cr.xml");
        Host host = new Host("cr-host", "kvm", uri);
        try (var provider = new KvmInstanceProvider(TestDriverNode.PROVIDER_OPTIONS)) {
            InstanceDescriptor listed = provider.listInstances(host).get(0);
            assertThat(listed.name()).isEqualTo(name);
            assertThat(provider.describeInstance(host, listed.name()).uuid()).isEqualTo(uuid);
        }
    }
}
