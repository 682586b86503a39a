package dev.unmanaged.kvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.kvm.xml.DomainXmlParser;
import dev.unmanaged.reliability.support.TestDriverNode;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Behaviour, not only bytecode: every definition libvirt hands the KVM provider while it lists and describes is
 * recorded (through the provider's parser seam, in this package), and none carries the VNC password that the
 * host holds. Preparing the transient domain for unmanage, which does read the secure definition, never hands
 * it to the parser either.
 */
@DisplayName("Listing and describing never ask libvirt for the secure definition")
class ListingNeverReadsSecureXmlTest {
    private static final String PASSWORD = "SENTINEL-LIST-9f3a";

    @Test
    void definitionsSeenByTheProviderHoldNoPassword(@TempDir Path dir) {
        UUID uuid = UUID.randomUUID();
        String uri = new TestDriverNode()
                .domain("secret-vm", uuid.toString(), "/var/lib/fake/images/s.qcow2", "52:54:00:5e:c0:01", PASSWORD, true)
                .domain("other-vm", UUID.randomUUID().toString(), "/var/lib/fake/images/o.qcow2", "52:54:00:5e:c0:02",
                        PASSWORD, false)
                .write(dir, "secure.xml");
        Host host = new Host("secure-host", "kvm", uri);
        List<String> seen = new CopyOnWriteArrayList<>();
        DefinitionParser recording = xml -> {
            seen.add(xml);
            return DomainXmlParser.shared().parse(xml);
        };
        try (var provider = new KvmInstanceProvider(TestDriverNode.PROVIDER_OPTIONS, recording)) {
            List<InstanceDescriptor> listed = provider.listInstances(host);
            // libvirt leaves passwd out of the plain definition, so a listing cannot tell that one is set.
            assertThat(listed).hasSize(2).allSatisfy(d -> assertThat(d.graphics()).singleElement()
                    .satisfies(g -> assertThat(g.passwordSet()).isFalse()));
            provider.describeInstance(host, "secret-vm");
            provider.describeInstance(host, uuid.toString());
            assertThat(provider.prepareForUnmanage(host, uuid).definedPersistently()).isTrue();
            provider.listInstances(host);
        }
        assertThat(seen).as("definitions read").hasSizeGreaterThanOrEqualTo(6)
                .noneMatch(xml -> xml.contains(PASSWORD))
                .noneMatch(xml -> xml.contains("passwd="));
        System.out.println("secure-xml: " + seen.size() + " definitions read while listing and describing, "
                + "0 with a password");
    }
}
