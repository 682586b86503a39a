package dev.unmanaged.core;

import static dev.unmanaged.core.Fixtures.H1;
import static dev.unmanaged.core.Fixtures.mac;
import static dev.unmanaged.core.Fixtures.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.api.operation.BulkOutcome;
import dev.unmanaged.api.operation.Problem;
import dev.unmanaged.api.operation.ProblemCode;
import dev.unmanaged.api.operation.UnmanagePlan;
import dev.unmanaged.api.operation.UnmanageRequest;
import dev.unmanaged.api.spi.HypervisorInstanceProvider;
import dev.unmanaged.api.spi.ProviderCapability;
import dev.unmanaged.api.spi.UnmanagePreparation;
import dev.unmanaged.tck.fake.InMemoryHypervisorProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Unmanage plans and forgetting a record whose instance is gone")
class UnmanagePlanTest {
    private static InstanceDescriptor transientVm(int n) {
        return Fixtures.simpleVm("worker-" + n, n).onHost(null, PowerState.RUNNING, false);
    }

    private static void imported(Workbench bench, InstanceDescriptor vm, int n) {
        Fixtures.put(bench.provider, H1, vm);
        bench.instances.importInstance(Fixtures.cleanRequest(H1, n).build());
    }

    @Test
    @DisplayName("a persistent instance's plan says it stays as it is, its state, and the reservations released;"
            + " a transient one's says it will be defined persistently; nothing is written")
    void persistentAndTransient() {
        try (var bench = new Workbench()) {
            imported(bench, Fixtures.simpleVm("web", 1), 1);
            imported(bench, transientVm(2), 2);

            UnmanagePlan persistent = bench.instances.planUnmanage(UnmanageRequest.of(uuid(1)));
            UnmanagePlan transientPlan = bench.instances.planUnmanage(UnmanageRequest.of(uuid(2)));

            assertThat(persistent.possible()).isTrue();
            assertThat(persistent.definesPersistently()).isFalse();
            assertThat(persistent.powerState()).isEqualTo(PowerState.RUNNING);
            assertThat(persistent.releasedReservations()).singleElement().satisfies(nic -> {
                assertThat(nic.mac()).isEqualTo(mac(1));
                assertThat(nic.ipAddress()).isNotNull();
            });
            assertThat(transientPlan.possible()).isTrue();
            assertThat(transientPlan.definesPersistently()).isTrue();
            assertThat(bench.store.list()).hasSize(2);
            assertThat(bench.provider.instance(H1.id(), uuid(2)).orElseThrow().persistent()).isFalse();
        }
    }

    @Test
    @DisplayName("a transient instance on a provider that only reads is blocked before anything is tried")
    void readOnlyTransient() {
        var inner = Fixtures.provider();
        try (var bench = new Workbench(b -> b.providers(new ReadOnly(inner)))) {
            Fixtures.put(inner, H1, transientVm(2));
            bench.instances.importInstance(Fixtures.cleanRequest(H1, 2).build());

            UnmanagePlan plan = bench.instances.planUnmanage(UnmanageRequest.of(uuid(2)));

            assertThat(plan.problems()).extracting(Problem::code).containsExactly(ProblemCode.READ_ONLY_TRANSIENT);
            assertThat(plan.possible()).isFalse();
        }
    }

    @Test
    @DisplayName("an unreachable host or an instance gone from its host blocks the unmanage, and the bulk form"
            + " reports each instance the same way")
    void blockers() throws Exception {
        try (var bench = new Workbench()) {
            imported(bench, Fixtures.simpleVm("web", 1), 1);
            imported(bench, Fixtures.simpleVm("db", 2), 2);
            bench.provider.removeInstance(H1.id(), uuid(2));

            var plans = bench.instances.planUnmanageAll(List.of(UnmanageRequest.of(uuid(1)),
                    UnmanageRequest.of(uuid(2))), false, BulkProgressListener.none()).await();
            bench.provider.setUnreachable(H1.id(), true);
            UnmanagePlan unreachable = bench.instances.planUnmanage(UnmanageRequest.of(uuid(1)));

            assertThat(plans.outcomes()).extracting(o -> o.result().possible()).containsExactly(true, false);
            assertThat(plans.outcomes().get(1).result().problems()).extracting(Problem::code)
                    .containsExactly(ProblemCode.INSTANCE_GONE);
            assertThat(unreachable.problems()).extracting(Problem::code).containsExactly(ProblemCode.HOST_UNREACHABLE);
            assertThat(unreachable.powerState()).isEqualTo(PowerState.UNKNOWN);
        }
    }

    @Test
    @DisplayName("forgetting is refused while the instance is on its reachable host, and once it is gone removes"
            + " the record and its reservations, audited as an event")
    void forget() throws Exception {
        var events = new ArrayList<InstanceEvent>();
        try (var bench = new Workbench(b -> b.listener(events::add))) {
            imported(bench, Fixtures.simpleVm("web", 1), 1);

            assertThat(bench.instances.planForget(UnmanageRequest.of(uuid(1))).problems()).extracting(Problem::code)
                    .containsExactly(ProblemCode.INSTANCE_STILL_PRESENT);
            assertThatThrownBy(() -> bench.instances.forget(UnmanageRequest.of(uuid(1))))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("still present");
            assertThat(bench.store.isManaged(uuid(1))).isTrue();

            bench.provider.setUnreachable(H1.id(), true); // a decommissioned host
            var forgotten = bench.instances.forgetAll(List.of(UnmanageRequest.of(uuid(1))),
                    BulkProgressListener.none()).await();

            assertThat(forgotten.outcomes()).singleElement()
                    .satisfies(o -> assertThat(o.status()).isEqualTo(BulkOutcome.Status.SUCCEEDED));
            assertThat(bench.store.isManaged(uuid(1))).isFalse();
            assertThat(bench.store.catalog().isMacInUse("net1", mac(1))).isFalse();
            assertThat(events).last().isInstanceOfSatisfying(InstanceEvent.Forgotten.class,
                    e -> assertThat(e.instance().uuid()).isEqualTo(uuid(1)));
        }
    }

    /** The reference provider, built read-only. */
    private record ReadOnly(InMemoryHypervisorProvider inner) implements HypervisorInstanceProvider {
        @Override
        public String hypervisor() {
            return inner.hypervisor();
        }

        @Override
        public Set<ProviderCapability> capabilities() {
            return inner.capabilities();
        }

        @Override
        public List<InstanceDescriptor> listInstances(Host host) {
            return inner.listInstances(host);
        }

        @Override
        public InstanceDescriptor describeInstance(Host host, String nameOrUuid) {
            return inner.describeInstance(host, nameOrUuid);
        }

        @Override
        public UnmanagePreparation prepareForUnmanage(Host host, UUID uuid) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public boolean readOnly() {
            return true;
        }
    }
}
