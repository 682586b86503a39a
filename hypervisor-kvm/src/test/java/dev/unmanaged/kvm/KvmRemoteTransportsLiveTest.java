package dev.unmanaged.kvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unmanaged.api.error.AccessDeniedException;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.ImportResult;
import dev.unmanaged.api.operation.ListQuery;
import dev.unmanaged.api.operation.UnmanageRequest;
import dev.unmanaged.api.operation.UnmanageResult;
import dev.unmanaged.core.UnmanagedInstances;
import dev.unmanaged.tck.fake.InMemoryInventoryStore;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The provider against the live daemon over libvirt's remote transports: TCP and TLS to the daemon's loopback
 * listeners ({@code scripts/libvirt-live.sh start}) and SSH through a loopback sshd
 * ({@code scripts/sshd-live.sh start}). Domains are created with {@code virsh} on the local socket.
 */
@DisplayName("The KVM provider over libvirt's remote transports to the live daemon")
class KvmRemoteTransportsLiveTest {
    private static KvmInstanceProvider provider;
    private LiveDaemon daemon;

    @BeforeAll
    static void openProvider() {
        provider = new KvmInstanceProvider();
    }

    @AfterAll
    static void closeProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    @BeforeEach
    void requireDaemon() {
        daemon = LiveDaemon.require();
    }

    @AfterEach
    void removeDomains() throws Exception {
        if (daemon != null) {
            daemon.cleanUp();
        }
    }

    @ParameterizedTest(name = "over {0}")
    @EnumSource(RemoteTransport.class)
    @DisplayName("lists a running transient VM, imports it into a store and unmanages it")
    void listImportUnmanage(RemoteTransport transport) throws Exception {
        Host host = new Host("remote-" + transport.name().toLowerCase(Locale.ROOT), "kvm",
                transport.requireUri());
        String name = daemon.newName("remote");
        UUID uuid = UUID.randomUUID();
        daemon.virshWithFile(daemon.definition(name, uuid, "r3mote"), "create");
        InMemoryInventoryStore store = new InMemoryInventoryStore(LiveDaemon.catalog());
        try (UnmanagedInstances instances = UnmanagedInstances.builder().providers(provider).store(store).build()) {
            assertThat(instances.list(ListQuery.of(host)).instances()).anySatisfy(i -> {
                assertThat(i.uuid()).isEqualTo(uuid);
                assertThat(i.name()).isEqualTo(name);
                assertThat(i.powerState()).isEqualTo(PowerState.RUNNING);
                assertThat(i.persistent()).isFalse();
            });

            ImportResult imported = instances.importInstance(ImportRequest.builder(host, uuid.toString())
                    .owner("ops").offering("any-size").pool("vda", "live-images").build());
            assertThat(imported.instance().uuid()).isEqualTo(uuid);
            assertThat(imported.instance().host().address()).isEqualTo(host.address());
            assertThat(store.find(uuid)).isPresent();

            UnmanageResult released = instances.unmanage(new UnmanageRequest(uuid.toString()));

            assertThat(released.preparation().definedPersistently()).isTrue();
            assertThat(store.find(uuid)).isEmpty();
        }
        InstanceDescriptor after = provider.describeInstance(host, uuid.toString());
        assertThat(after.persistent()).isTrue();
        assertThat(after.powerState()).isEqualTo(PowerState.RUNNING);
    }

    @Test
    @DisplayName("refuses an SSH host whose host key is not known, without prompting, as access denied")
    void unknownSshHostKey() {
        // The sshd's key is known for 127.0.0.1 only; "localhost" reaches the same server under an unknown name.
        Host host = new Host("remote-ssh-unknown", "kvm", RemoteTransport.sshUri("localhost"));

        assertThatThrownBy(() -> provider.listInstances(host)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("remote-ssh-unknown").hasMessageContaining("host key")
                .hasMessageContaining("known_hosts");
    }

    @Test
    @DisplayName("refuses a TLS daemon whose certificate another CA signed, as access denied")
    void wrongCertificateAuthority() {
        RemoteTransport.TLS.requireUri();
        Host host = new Host("remote-tls-wrong-ca", "kvm",
                "qemu+tls://localhost/system?pkipath=" + RemoteTransport.PKI.resolve("wrong-ca"));

        assertThatThrownBy(() -> provider.listInstances(host)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("remote-tls-wrong-ca").hasMessageContaining("VIR_ERR_AUTH_FAILED")
                .hasMessageContaining("certificate");
    }
}
