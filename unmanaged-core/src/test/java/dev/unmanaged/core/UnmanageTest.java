package dev.unmanaged.core;

import static dev.unmanaged.core.Fixtures.H1;
import static dev.unmanaged.core.Fixtures.H2;
import static dev.unmanaged.core.Fixtures.mac;
import static dev.unmanaged.core.Fixtures.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unmanaged.api.error.InstanceNotFoundException;
import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.UnmanageRequest;
import dev.unmanaged.api.operation.UnmanageResult;
import dev.unmanaged.tck.fake.InMemoryHypervisorProvider;
import dev.unmanaged.tck.fake.InMemoryHypervisorProvider.Operation;
import dev.unmanaged.tck.fake.InMemoryInventoryStore;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Unmanaging an instance")
class UnmanageTest {
    private final List<InstanceEvent> events = new CopyOnWriteArrayList<>();
    // Declared before the bench: the bench registers the listener as it is built.
    private final Workbench bench = new Workbench(b -> b.listener(events::add));
    private final InMemoryHypervisorProvider provider = bench.provider;
    private final InMemoryInventoryStore store = bench.store;
    private final UnmanagedInstances instances = bench.instances;

    @BeforeEach
    void setUp() {
        var web = Fixtures.simpleVm("web", 1);
        provider.putInstance(H1.id(), web.onHost(H1.id(), PowerState.RUNNING, false));
        instances.importInstance(Fixtures.cleanRequest(H1, 1).build());
        events.clear();
    }

    @AfterEach
    void tearDown() {
        bench.close();
    }

    @Test
    @DisplayName("prepares the VM first, then removes the record and frees its MAC and address")
    void releases() {
        UnmanageResult result = instances.unmanage(new UnmanageRequest("web"));

        assertThat(result.released().uuid()).isEqualTo(uuid(1));
        assertThat(result.preparation().definedPersistently()).isTrue();
        assertThat(provider.calls(H1.id(), Operation.PREPARE)).isEqualTo(1);
        assertThat(store.find(uuid(1))).isEmpty();
        assertThat(store.catalog().isMacInUse("net1", mac(1))).isFalse();
        assertThat(store.catalog().isIpInUse("net1", "10.0.0.10")).isFalse();
        assertThat(provider.instance(H1.id(), uuid(1))).hasValueSatisfying(vm ->
                assertThat(vm.persistent()).isTrue());
        assertThat(events).singleElement().isInstanceOfSatisfying(InstanceEvent.Unmanaged.class,
                e -> assertThat(e.instance().uuid()).isEqualTo(uuid(1)));
    }

    @Test
    @DisplayName("a second unmanage of a released instance is a typed not-found error")
    void secondUnmanage() {
        instances.unmanage(new UnmanageRequest(uuid(1).toString().toUpperCase(Locale.ROOT)));

        assertThatThrownBy(() -> instances.unmanage(new UnmanageRequest(uuid(1).toString())))
                .isInstanceOf(InstanceNotFoundException.class)
                .hasMessageContaining(uuid(1).toString()).hasMessageContaining("the inventory");
    }

    @Test
    @DisplayName("a name two managed instances share is refused, naming both; their UUIDs work")
    void ambiguousName() {
        importTwinOnSecondHost();

        assertThatThrownBy(() -> instances.unmanage(new UnmanageRequest("web")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(uuid(1).toString()).hasMessageContaining(uuid(2).toString())
                .hasMessageContaining("expected a UUID or a host");
        assertThat(store.list()).hasSize(2);

        instances.unmanage(UnmanageRequest.of(uuid(2)));
        assertThat(store.list()).extracting(m -> m.uuid()).containsExactly(uuid(1));
    }

    @Test
    @DisplayName("a request scoped to a host releases the record of that name on that host only")
    void scopedToHost() {
        importTwinOnSecondHost();

        UnmanageResult released = instances.unmanage(UnmanageRequest.named("web").onHost(H2.id()));

        assertThat(released.released().uuid()).isEqualTo(uuid(2));
        assertThat(store.list()).extracting(m -> m.uuid()).containsExactly(uuid(1));
        assertThatThrownBy(() -> instances.unmanage(UnmanageRequest.of(uuid(1)).onHost(H2.id())))
                .isInstanceOf(InstanceNotFoundException.class).hasMessageContaining("on host h2");
        assertThat(store.list()).hasSize(1);
    }

    @Test
    @DisplayName("the preparation tells the state the VM was left in, so callers say only what is true of it")
    void preparationTellsState() {
        var off = Fixtures.vm("off", uuid(3), List.of(mac(3)), List.of("/var/lib/libvirt/images/off.qcow2"));
        provider.putInstance(H1.id(), off.onHost(H1.id(), PowerState.STOPPED, true));
        instances.importInstance(ImportRequest.builder(H1, "off").owner("alice").offering("small")
                .network(mac(3), "net1").pool("vda", "images").build());

        assertThat(instances.unmanage(UnmanageRequest.named("off")).preparation().powerState())
                .isEqualTo(PowerState.STOPPED);
        assertThat(instances.unmanage(UnmanageRequest.named("web")).preparation().powerState())
                .isEqualTo(PowerState.RUNNING);
    }

    /** A second managed instance named "web", on host h2. */
    private void importTwinOnSecondHost() {
        var twin = Fixtures.vm("web", uuid(2), List.of(mac(2)), List.of("/var/lib/libvirt/images/web2.qcow2"));
        Fixtures.put(provider, H2, twin);
        instances.importInstance(ImportRequest.builder(H2, "web").owner("alice").offering("small")
                .displayName("web-two").network(mac(2), "net1").pool("vda", "images").build());
    }

    @Test
    @DisplayName("a VM that vanished from its host is reported, and its record is kept rather than dropped silently")
    void vanishedVm() {
        provider.removeInstance(H1.id(), uuid(1));

        assertThatThrownBy(() -> instances.unmanage(new UnmanageRequest("web")))
                .isInstanceOf(InstanceNotFoundException.class).hasMessageContaining("h1");
        assertThat(store.find(uuid(1))).isPresent();
        assertThat(events).isEmpty();
    }

    @Test
    @DisplayName("describe reads one instance, managed or not, by name or UUID")
    void describe() {
        assertThat(instances.describe(H1, "web").uuid()).isEqualTo(uuid(1));
        assertThat(instances.describe(H1, uuid(1).toString().toUpperCase(Locale.ROOT)).name()).isEqualTo("web");
        assertThatThrownBy(() -> instances.describe(H1, "nope")).isInstanceOf(InstanceNotFoundException.class);
    }

    @Test
    @DisplayName("an unknown name is a typed not-found error and the provider is not touched")
    void unknown() {
        assertThatThrownBy(() -> instances.unmanage(new UnmanageRequest("nope")))
                .isInstanceOf(InstanceNotFoundException.class).hasMessageContaining("'nope'");
        assertThat(provider.calls(H1.id(), Operation.PREPARE)).isZero();
    }
}
