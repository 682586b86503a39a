package dev.unmanaged.core;

import static dev.unmanaged.core.Fixtures.H1;
import static dev.unmanaged.core.Fixtures.H2;
import static dev.unmanaged.core.Fixtures.H3;
import static dev.unmanaged.core.Fixtures.mac;
import static dev.unmanaged.core.Fixtures.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.api.mapping.DiskMatch;
import dev.unmanaged.api.mapping.ImportMap;
import dev.unmanaged.api.mapping.IpPolicy;
import dev.unmanaged.api.mapping.NetworkMap;
import dev.unmanaged.api.mapping.NetworkRule;
import dev.unmanaged.api.mapping.NicMatch;
import dev.unmanaged.api.mapping.OfferingPolicy;
import dev.unmanaged.api.mapping.StorageMap;
import dev.unmanaged.api.mapping.StorageRule;
import dev.unmanaged.api.operation.BulkOutcome;
import dev.unmanaged.api.operation.BulkResult;
import dev.unmanaged.api.operation.FleetPlan;
import dev.unmanaged.api.operation.FleetRequest;
import dev.unmanaged.api.operation.ImportPlan;
import dev.unmanaged.api.operation.ImportResult;
import dev.unmanaged.api.operation.ListQuery;
import dev.unmanaged.api.operation.Problem;
import dev.unmanaged.api.operation.ProblemCode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Planning and importing every unmanaged instance of several hosts under one map")
class FleetTest {
    private static final ImportMap MAP = new ImportMap(
            new NetworkMap(List.of(NetworkRule.of(NicMatch.bridge("br0"), "net1")), IpPolicy.AUTO),
            new StorageMap(List.of(new StorageRule(DiskMatch.pathPrefix("/var/lib/libvirt/images/"), "images"))),
            OfferingPolicy.SMALLEST_FIXED);

    private final Workbench bench = new Workbench();

    @AfterEach
    void tearDown() {
        bench.close();
    }

    private void threeHosts() {
        Fixtures.put(bench.provider, H1, Fixtures.simpleVm("web-1", 1), Fixtures.simpleVm("web-2", 2));
        Fixtures.put(bench.provider, H2, Fixtures.simpleVm("db-1", 3),
                Fixtures.vm("odd", uuid(4), List.of(mac(4)), List.of("/elsewhere/odd.qcow2")));
        Fixtures.put(bench.provider, H3, Fixtures.simpleVm("web-3", 5));
    }

    private static FleetRequest everything() {
        return FleetRequest.of(ListQuery.of(H1, H2, H3), MAP, "alice");
    }

    @Test
    @DisplayName("one plan per unmanaged instance of every host, each completed by the map and holding every problem")
    void planPerInstance() {
        threeHosts();

        FleetPlan fleet = bench.instances.planFleet(everything());

        assertThat(fleet.plans()).extracting(p -> p.instance().name())
                .containsExactly("web-1", "web-2", "db-1", "odd", "web-3");
        assertThat(fleet.importable()).hasSize(4);
        assertThat(fleet.importable()).allSatisfy(plan -> {
            assertThat(plan.request().offeringId()).isEqualTo("small");
            assertThat(plan.proposed().nics()).singleElement()
                    .satisfies(nic -> assertThat(nic.networkId()).isEqualTo("net1"));
        });
        assertThat(fleet.blocked()).singleElement().satisfies(plan ->
                assertThat(plan.problems()).extracting(Problem::code).containsExactly(ProblemCode.DISK_UNMAPPED));
        assertThat(bench.store.list()).isEmpty();
    }

    @Test
    @DisplayName("the name glob and the state filter select instances, and a host that cannot be listed is reported"
            + " while the others are planned")
    void selection() {
        threeHosts();
        bench.provider.setPowerState(H1.id(), uuid(2), PowerState.STOPPED);
        bench.provider.setUnreachable(H3.id(), true);

        FleetPlan fleet = bench.instances.planFleet(FleetRequest.of(ListQuery.of(H1, H2, H3)
                .withStates(Set.of(PowerState.RUNNING)), MAP, "alice").withNamePattern("web-?"));

        assertThat(fleet.plans()).extracting(p -> p.instance().name()).containsExactly("web-1");
        assertThat(fleet.failures()).singleElement().satisfies(f -> assertThat(f.hostId()).isEqualTo(H3.id()));
    }

    @Test
    @DisplayName("a map naming a network the catalog lacks is refused before any host is asked")
    void unknownNetworkRefusedFirst() {
        threeHosts();
        ImportMap bad = new ImportMap(new NetworkMap(List.of(NetworkRule.of(NicMatch.vlan(7), "nowhere")),
                IpPolicy.NONE), StorageMap.EMPTY, OfferingPolicy.CUSTOM);

        assertThatThrownBy(() -> bench.instances.planFleet(FleetRequest.of(ListQuery.of(H1), bad, "alice")))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("/networks/0/network"));
        assertThat(bench.provider.calls(H1.id(), dev.unmanaged.tck.fake.InMemoryHypervisorProvider.Operation.LIST))
                .isZero();
    }

    @Test
    @DisplayName("the importable instances are imported in bulk, and a second run of the same plan reports them as"
            + " already managed under the same request rather than imported")
    void importAndRepeat() throws Exception {
        threeHosts();
        FleetPlan fleet = bench.instances.planFleet(everything());

        BulkResult<ImportResult> first = bench.instances.importFleet(fleet, BulkProgressListener.none()).await();
        BulkResult<ImportResult> second = bench.instances.importFleet(fleet, BulkProgressListener.none()).await();

        assertThat(first.outcomes()).hasSize(4).allSatisfy(o -> {
            assertThat(o.key()).endsWith(" on " + o.result().instance().host().id());
            assertThat(o.status()).isEqualTo(BulkOutcome.Status.SUCCEEDED);
            assertThat(o.result().alreadyExisted()).isFalse();
        });
        assertThat(second.outcomes()).hasSize(4).allSatisfy(o -> assertThat(o.result().alreadyExisted()).isTrue());
        assertThat(bench.store.list()).hasSize(4);
        assertThat(bench.instances.planFleet(everything()).plans()).extracting(ImportPlan::importable)
                .containsExactly(false);
    }
}
