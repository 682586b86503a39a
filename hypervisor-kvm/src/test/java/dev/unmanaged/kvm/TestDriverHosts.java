package dev.unmanaged.kvm;

import dev.unmanaged.api.instance.Host;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Hosts served by libvirt's in-process test driver from the node files under {@code hosts/}. */
final class TestDriverHosts {
    /** The capacity and allocation the test driver's block info reports for every disk of a running domain. */
    static final long TEST_DRIVER_BLOCK_CAPACITY = 1_099_506_450_432L;
    static final long TEST_DRIVER_BLOCK_ALLOCATION = 1_099_511_627_776L;

    /** Provider options that accept the test driver's {@code test:} URIs, which the defaults refuse. */
    static final KvmProviderOptions OPTIONS = options().build();

    private TestDriverHosts() {
    }

    /** A builder of provider options that accept the test driver's {@code test:} URIs. */
    static KvmProviderOptions.Builder options() {
        return KvmProviderOptions.builder().testDriverAllowed(true);
    }

    /** A host with a domain in every state, transient and persistent ones, and a storage pool. */
    static Host mixedStates() {
        return host("mixed-states.xml");
    }

    /** A host whose connections must authenticate as operator / open-sesame. */
    static Host guarded() {
        return host("guarded.xml");
    }

    /** A host without domains. */
    static Host empty() {
        return host("empty.xml");
    }

    static Host host(String nodeFile) {
        return new Host("test-" + nodeFile, "kvm", uri(nodeFile));
    }

    /** {@code test:///ABSOLUTE/PATH}: each new connection starts from the file's state. */
    static String uri(String nodeFile) {
        URL resource = TestDriverHosts.class.getResource("/hosts/" + nodeFile);
        if (resource == null) {
            throw new IllegalArgumentException("no node file hosts/" + nodeFile + " on the test class path");
        }
        try {
            return "test://" + Path.of(resource.toURI()).toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
