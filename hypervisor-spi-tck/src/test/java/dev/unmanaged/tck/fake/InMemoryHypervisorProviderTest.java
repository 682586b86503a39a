package dev.unmanaged.tck.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unmanaged.api.error.HostUnavailableException;
import dev.unmanaged.api.error.InstanceNotFoundException;
import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.error.ProviderFailureException;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.api.spi.ProviderCapability;
import dev.unmanaged.api.spi.UnmanagePreparation;
import dev.unmanaged.tck.fake.InMemoryHypervisorProvider.Operation;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("In-memory provider: scripting hosts, instances, latency and faults")
class InMemoryHypervisorProviderTest {
    private final InMemoryHypervisorProvider provider = new InMemoryHypervisorProvider();
    private Host host;

    @BeforeEach
    void addHost() {
        host = provider.addHost("h1");
    }

    @Test
    @DisplayName("a host that was never added is unavailable, not empty")
    void unknownHost() {
        Host ghost = new Host("nowhere", "fake", "memory://nowhere");
        assertThatThrownBy(() -> provider.listInstances(ghost)).isInstanceOf(HostUnavailableException.class)
                .hasMessageContaining("nowhere");
    }

    @Test
    @DisplayName("an unreachable host fails every call with HostUnavailableException until it is reachable again")
    void unreachable() {
        InstanceDescriptor vm = provider.putInstance("h1", InstanceDescriptors.named("a").build());
        provider.setUnreachable("h1", true);
        assertThatThrownBy(() -> provider.listInstances(host)).isInstanceOf(HostUnavailableException.class);
        assertThatThrownBy(() -> provider.describeInstance(host, "a")).isInstanceOf(HostUnavailableException.class);
        assertThatThrownBy(() -> provider.prepareForUnmanage(host, vm.uuid()))
                .isInstanceOf(HostUnavailableException.class);
        provider.setUnreachable("h1", false);
        assertThat(provider.listInstances(host)).containsExactly(vm);
    }

    @Test
    @DisplayName("a one-shot fault fails the next call only")
    void failOnce() {
        provider.putInstance("h1", InstanceDescriptors.named("a").build());
        provider.failOnce("h1", Operation.LIST, new ProviderFailureException("listing broke", null));
        assertThatThrownBy(() -> provider.listInstances(host)).isInstanceOf(ProviderFailureException.class)
                .hasMessage("listing broke");
        assertThat(provider.listInstances(host)).hasSize(1);
        assertThat(provider.calls("h1", Operation.LIST)).isEqualTo(2);
    }

    @Test
    @DisplayName("a persistent fault fails every call until the faults are cleared")
    void failAlways() {
        provider.putInstance("h1", InstanceDescriptors.named("a").build());
        provider.failAlways("h1", Operation.DESCRIBE, new HostUnavailableException("h1", "flapping", null));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> provider.describeInstance(host, "a"))
                    .isInstanceOf(HostUnavailableException.class);
        }
        assertThat(provider.listInstances(host)).as("other operations are unaffected").hasSize(1);
        provider.clearFaults("h1");
        assertThat(provider.describeInstance(host, "a").name()).isEqualTo("a");
    }

    @Test
    @DisplayName("a fault after the change leaves the instance prepared; the retry reports nothing more to do")
    void failAfterPrepareChange() {
        InstanceDescriptor vm = provider.putInstance("h1", InstanceDescriptors.named("t").transientInstance().build());
        provider.failOnce("h1", Operation.PREPARE_AFTER_CHANGE, new HostUnavailableException("h1", "dropped", null));
        assertThatThrownBy(() -> provider.prepareForUnmanage(host, vm.uuid()))
                .isInstanceOf(HostUnavailableException.class);
        assertThat(provider.instance("h1", vm.uuid()).orElseThrow().persistent()).isTrue();
        assertThat(provider.prepareForUnmanage(host, vm.uuid()))
                .isEqualTo(new UnmanagePreparation(vm.uuid(), false, PowerState.RUNNING));
    }

    @Test
    @DisplayName("an interrupt during a host's latency ends the call with HostUnavailableException and keeps the flag")
    void latencyInterrupted() throws Exception {
        provider.setLatency("h1", Duration.ofHours(1));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            try {
                provider.listInstances(host);
            } catch (RuntimeException e) {
                thrown.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        caller.start();
        while (provider.calls("h1", Operation.LIST) == 0) {
            Thread.onSpinWait();
        }
        caller.interrupt();
        caller.join(TimeUnit.MINUTES.toMillis(1));
        assertThat(thrown.get()).isInstanceOf(HostUnavailableException.class).hasMessageContaining("interrupted");
        assertThat(stillInterrupted).isTrue();
    }

    @Test
    @DisplayName("latency applies to each call and does not block other hosts")
    void latencyPerHost() throws Exception {
        provider.addHost("slow");
        provider.setLatency("slow", Duration.ofHours(1));
        CompletableFuture<Object> slowCall = CompletableFuture.supplyAsync(() -> provider.listInstances(
                provider.host("slow")));
        try {
            assertThat(provider.listInstances(host)).isEmpty();
            assertThat(slowCall).isNotDone();
        } finally {
            slowCall.cancel(true);
        }
    }

    @Test
    @DisplayName("a transient instance vanishes when it stops; a persistent one is kept as stopped")
    void stoppingByPersistence() {
        InstanceDescriptor t = provider.putInstance("h1", InstanceDescriptors.named("t").transientInstance().build());
        InstanceDescriptor p = provider.putInstance("h1", InstanceDescriptors.named("p").build());
        assertThat(provider.shutDown("h1", t.uuid())).isEmpty();
        assertThat(provider.shutDown("h1", p.uuid())).map(InstanceDescriptor::powerState).contains(PowerState.STOPPED);
        assertThat(provider.listInstances(host)).extracting(InstanceDescriptor::name).containsExactly("p");
        assertThatThrownBy(() -> provider.setPowerState("h1", t.uuid(), PowerState.RUNNING))
                .isInstanceOf(InstanceNotFoundException.class);
    }

    @Test
    @DisplayName("a prepared transient instance survives its shutdown")
    void preparedSurvives() {
        InstanceDescriptor t = provider.putInstance("h1", InstanceDescriptors.named("t").transientInstance().build());
        assertThat(provider.prepareForUnmanage(host, t.uuid()))
                .isEqualTo(new UnmanagePreparation(t.uuid(), true, PowerState.RUNNING));
        provider.shutDown("h1", t.uuid());
        assertThat(provider.describeInstance(host, "t").powerState()).isEqualTo(PowerState.STOPPED);
    }

    @Test
    @DisplayName("a transient instance cannot be scripted as stopped, nor two instances with one name")
    void scriptingRefusals() {
        assertThatThrownBy(() -> provider.putInstance("h1", InstanceDescriptors.named("t").transientInstance()
                .powerState(PowerState.STOPPED).build())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("transient");
        provider.putInstance("h1", InstanceDescriptors.named("same").build());
        assertThatThrownBy(() -> provider.putInstance("h1", InstanceDescriptors.named("same").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same");
    }

    @Test
    @DisplayName("putting an instance with a known UUID replaces it, even under a new name")
    void replaceByUuid() {
        UUID uuid = UUID.randomUUID();
        provider.putInstance("h1", InstanceDescriptors.named("old").uuid(uuid).build());
        provider.putInstance("h1", InstanceDescriptors.named("new").uuid(uuid).vcpus(8).build());
        assertThat(provider.listInstances(host)).singleElement().satisfies(d -> {
            assertThat(d.name()).isEqualTo("new");
            assertThat(d.cpu().vcpus()).isEqualTo(8);
        });
        assertThat(provider.removeInstance("h1", uuid)).isTrue();
        assertThat(provider.removeInstance("h1", uuid)).isFalse();
    }

    @Test
    @DisplayName("a graphics password protects every console and never appears in a descriptor")
    void graphicsPassword() {
        InstanceDescriptor vm = provider.putInstance("h1", InstanceDescriptors.named("g").graphics("spice", false)
                .build(), "hunter2-secret");
        InstanceDescriptor listed = provider.listInstances(host).get(0);
        assertThat(listed.graphics()).singleElement().satisfies(g -> assertThat(g.passwordSet()).isTrue());
        assertThat(listed.toString()).doesNotContain("hunter2-secret");
        assertThat(provider.graphicsPassword("h1", vm.uuid())).contains("hunter2-secret");
    }

    @Test
    @DisplayName("the hypervisor kind and capabilities are configurable and hosts of another kind are refused")
    void kindAndCapabilities() {
        InMemoryHypervisorProvider kvm = new InMemoryHypervisorProvider("kvm")
                .setCapabilities(Set.of(ProviderCapability.PAUSE));
        Host kvmHost = kvm.addHost("k1");
        kvm.putInstance("k1", InstanceDescriptors.named("a").build());
        assertThat(kvmHost.hypervisor()).isEqualTo("kvm");
        assertThat(kvm.listInstances(kvmHost)).singleElement()
                .satisfies(d -> assertThat(d.hypervisor()).isEqualTo("kvm"));
        assertThat(kvm.capabilities()).containsExactly(ProviderCapability.PAUSE);
        assertThatThrownBy(() -> kvm.listInstances(new Host("k1", "xen", "memory://k1")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("xen");
    }

    @Test
    @DisplayName("describing finds an instance by UUID in any letter case or by name, and names what was not found")
    void describe() {
        InstanceDescriptor vm = provider.putInstance("h1", InstanceDescriptors.named("web").build());
        assertThat(provider.describeInstance(host, vm.uuid().toString().toUpperCase())).isEqualTo(vm);
        assertThat(provider.describeInstance(host, "web")).isEqualTo(vm);
        assertThatThrownBy(() -> provider.describeInstance(host, "db")).isInstanceOf(InstanceNotFoundException.class)
                .hasMessageContaining("'db'").hasMessageContaining("h1");
        assertThatThrownBy(() -> provider.describeInstance(host, " ")).isInstanceOf(InvalidRequestException.class);
    }
}
