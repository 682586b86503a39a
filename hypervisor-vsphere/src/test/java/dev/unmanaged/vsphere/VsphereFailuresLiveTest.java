package dev.unmanaged.vsphere;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.unmanaged.api.error.AccessDeniedException;
import dev.unmanaged.api.error.HostUnavailableException;
import dev.unmanaged.api.error.InstanceNotFoundException;
import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.tck.InstanceSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What goes wrong with a real endpoint, on the vCenter simulator. */
@DisplayName("The vSphere provider when things go wrong")
class VsphereFailuresLiveTest {
    private static final String RIGHT_PASSWORD = "right-" + UUID.randomUUID();

    private static VsphereInstanceProvider provider(String password, Duration timeout) {
        return new VsphereInstanceProvider(VsphereProviderOptions.of((server, user) -> password.toCharArray())
                .withCallTimeout(timeout));
    }

    @Test
    @DisplayName("a refused login is an AccessDeniedException naming the user, never the password")
    void refusedLogin() {
        try (Simulator simulator = Simulator.start(RIGHT_PASSWORD, "-user", "ops", "-vms", "1");
             VsphereInstanceProvider provider = provider("wrong-password-xyz", Duration.ofSeconds(10))) {
            assertThatThrownBy(() -> provider.listInstances(simulator.host("ops", Map.of())))
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining("ops")
                    .hasMessageContaining("refused").hasMessageNotContaining("wrong-password-xyz");
            try (VsphereInstanceProvider right = provider(RIGHT_PASSWORD, Duration.ofSeconds(10))) {
                assertThat(right.listInstances(simulator.host("ops", Map.of()))).isNotEmpty();
            }
        }
    }

    @Test
    @DisplayName("a certificate that is not the pinned one is a typed error showing the presented thumbprint")
    void thumbprintMismatch() {
        Simulator simulator = Simulator.shared();
        String pinned = "AA" + ":AA".repeat(31);
        Host host = new Host("vc", VsphereInstanceProvider.HYPERVISOR, "vsphere://ops@127.0.0.1:"
                + simulator.sdk().getPort() + "/sdk?thumbprint=" + pinned);
        try (VsphereInstanceProvider provider = provider("pw", Duration.ofSeconds(10))) {
            assertThatThrownBy(() -> provider.listInstances(host))
                    .isInstanceOfSatisfying(CertificateThumbprintMismatchException.class,
                            e -> assertThat(e.presentedThumbprint()).isEqualTo(simulator.thumbprint()))
                    .hasMessageContaining(simulator.thumbprint()).hasMessageContaining(pinned);
        }
    }

    @Test
    @DisplayName("without a pin, a certificate the JDK does not trust is refused, and the error shows its thumbprint")
    void untrustedCertificate() {
        Simulator simulator = Simulator.shared();
        Host host = new Host("vc", VsphereInstanceProvider.HYPERVISOR, "vsphere://ops@127.0.0.1:"
                + simulator.sdk().getPort() + "/sdk");
        try (VsphereInstanceProvider provider = provider("pw", Duration.ofSeconds(10))) {
            assertThatThrownBy(() -> provider.listInstances(host)).isInstanceOf(HostUnavailableException.class)
                    .hasMessageContaining("not trusted").hasMessageContaining(simulator.thumbprint());
        }
        Host insecure = new Host("vc", VsphereInstanceProvider.HYPERVISOR, "vsphere://ops@127.0.0.1:"
                + simulator.sdk().getPort() + "/sdk?insecure=true");
        try (VsphereInstanceProvider provider = provider("pw", Duration.ofSeconds(10))) {
            assertThat(provider.listInstances(insecure)).isNotEmpty();
        }
    }

    @Test
    @DisplayName("a session that expired is logged in again once, and the listing succeeds")
    void expiredSession() {
        try (Simulator simulator = Simulator.start(null, "-vms", "1");
             VsphereInstanceProvider provider = provider("pw", Duration.ofSeconds(10))) {
            Host host = simulator.host();
            int before = provider.listInstances(host).size();
            SimulatorApi admin = new SimulatorApi(simulator.sdk(), "admin", "pw");
            admin.endOtherSessions();
            long tripsBefore = provider.roundTrips(host);
            assertThat(provider.listInstances(host)).hasSize(before);
            // The first call failed as not authenticated, then Login, then the listing again.
            assertThat(provider.roundTrips(host) - tripsBefore).isGreaterThan(7);
        }
    }

    @Test
    @DisplayName("an endpoint that dies mid-listing is a HostUnavailableException within the deadline, not a hang")
    void endpointGoesAway() {
        Simulator simulator = Simulator.start(null, "-vms", "2", "-delay", "RetrievePropertiesEx=20000");
        try (simulator; VsphereInstanceProvider provider = provider("pw", Duration.ofSeconds(60))) {
            Host host = simulator.host();
            CompletableFuture<List<InstanceDescriptor>> listing = CompletableFuture.supplyAsync(
                    () -> provider.listInstances(host));
            assertTimeoutPreemptively(Duration.ofSeconds(15), () -> {
                // RetrieveServiceContent, Login, CreateContainerView: the fourth request is the slow retrieval.
                while (provider.roundTrips(host) < 4) {
                    Thread.onSpinWait();
                }
                simulator.kill();
                assertThatThrownBy(listing::get).isInstanceOf(ExecutionException.class)
                        .cause().isInstanceOf(HostUnavailableException.class).hasMessageContaining(host.id());
            });
        }
    }

    @Test
    @DisplayName("a slow endpoint is a HostUnavailableException once the call timeout passes")
    void slowEndpoint() {
        try (Simulator simulator = Simulator.start(null, "-vms", "1", "-delay", "RetrievePropertiesEx=20000");
             VsphereInstanceProvider provider = provider("pw", Duration.ofSeconds(1))) {
            assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                    assertThatThrownBy(() -> provider.listInstances(simulator.host()))
                            .isInstanceOf(HostUnavailableException.class).hasMessageContaining("within 1000 ms"));
        }
    }

    @Test
    @DisplayName("a VM removed after the listing is not found when described or prepared for unmanage")
    void removedBetweenListingAndImport() {
        Simulator simulator = Simulator.shared();
        try (VsphereInstanceProvider provider = provider("pw", Duration.ofSeconds(20));
             SimulatorBed bed = new SimulatorBed(simulator, simulator.host())) {
            UUID uuid = bed.create(InstanceSpec.running("vanishing-" + System.nanoTime() % 100000));
            assertThat(provider.listInstances(bed.host())).anyMatch(d -> uuid.equals(d.uuid()));
            bed.remove(uuid);
            assertThatThrownBy(() -> provider.describeInstance(bed.host(), uuid.toString()))
                    .isInstanceOf(InstanceNotFoundException.class).hasMessageContaining(uuid.toString());
            assertThatThrownBy(() -> provider.prepareForUnmanage(bed.host(), uuid))
                    .isInstanceOf(InstanceNotFoundException.class);
        }
    }

    @Test
    @DisplayName("templates are not instances, suspended VMs are SUSPENDED, and nothing is changed by preparing")
    void templatesAndSuspended() {
        Simulator simulator = Simulator.shared();
        try (VsphereInstanceProvider provider = provider("pw", Duration.ofSeconds(20));
             SimulatorBed bed = new SimulatorBed(simulator, simulator.host())) {
            UUID template = bed.create(InstanceSpec.running("template-" + System.nanoTime() % 100000).stopped());
            UUID suspended = bed.create(InstanceSpec.running("suspended-" + System.nanoTime() % 100000));
            try {
                bed.markAsTemplate(template);
                bed.suspend(suspended);
                List<InstanceDescriptor> listing = provider.listInstances(bed.host());
                assertThat(listing).noneMatch(d -> template.equals(d.uuid()));
                assertThat(listing).filteredOn(d -> suspended.equals(d.uuid())).singleElement()
                        .extracting(InstanceDescriptor::powerState).isEqualTo(PowerState.SUSPENDED);
                assertThatThrownBy(() -> provider.prepareForUnmanage(bed.host(), template))
                        .isInstanceOf(InstanceNotFoundException.class);
                assertThat(provider.prepareForUnmanage(bed.host(), suspended).definedPersistently()).isFalse();
            } finally {
                bed.remove(template);
                bed.remove(suspended);
            }
        }
    }

    @Test
    @DisplayName("datacenter, cluster and host parameters narrow the listing; an unknown name is a typed error")
    void narrowing() {
        Simulator simulator = Simulator.shared();
        try (VsphereInstanceProvider provider = provider("pw", Duration.ofSeconds(20))) {
            assertThat(provider.listInstances(simulator.host("ops", Map.of("cluster", "DC0_C0"))))
                    .isNotEmpty().allSatisfy(d -> assertThat(d.placement().cluster()).isEqualTo("DC0_C0"));
            assertThat(provider.listInstances(simulator.host("ops", Map.of("host", "DC0_H0"))))
                    .isNotEmpty().allSatisfy(d -> assertThat(d.placement().hypervisorHost()).isEqualTo("DC0_H0"));
            assertThat(provider.listInstances(simulator.host("ops", Map.of("datacenter", "DC0")))).isNotEmpty();
            assertThatThrownBy(() -> provider.listInstances(simulator.host("ops", Map.of("cluster", "nope"))))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("cluster")
                    .hasMessageContaining("nope").hasMessageContaining("DC0_C0");
        }
    }
}
