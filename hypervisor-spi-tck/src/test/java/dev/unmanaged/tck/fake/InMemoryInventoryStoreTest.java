package dev.unmanaged.tck.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.error.StoreFailureException;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.inventory.Catalog;
import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.inventory.ManagedNic;
import dev.unmanaged.api.inventory.Owner;
import dev.unmanaged.api.spi.InventoryStore;
import dev.unmanaged.tck.CatalogFixture;
import dev.unmanaged.tck.fake.InMemoryInventoryStore.Step;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("In-memory store: injected failures and refused misuse")
class InMemoryInventoryStoreTest {
    private static final Host HOST = new Host("h1", "fake", "memory://h1");
    private final InMemoryInventoryStore store = new InMemoryInventoryStore(CatalogFixture.catalog());

    @ParameterizedTest(name = "a failure at {0} fails the unit, names the step and leaves the store as it was")
    @EnumSource(value = Step.class, mode = EnumSource.Mode.EXCLUDE, names = "AFTER_COMMIT")
    @DisplayName("a failure injected at any step before the commit leaves the store as it was, and a retry succeeds")
    void failureAtEveryStep(Step step) {
        ManagedInstance old = store.putManaged(managed("old", "10.0.0.20"));
        ManagedInstance fresh = managed("fresh", "10.0.0.21");
        store.failOnce(step);

        Throwable thrown = catchThrowable(() -> store.inUnitOfWork(w -> replace(w, old, fresh)));

        assertThat(thrown).isInstanceOf(StoreFailureException.class).hasMessageContaining(step.label());
        assertThat(store.list()).containsExactly(old);
        assertThat(store.catalog().isIpInUse(CatalogFixture.SHARED_NET, "10.0.0.20")).isTrue();
        assertThat(store.catalog().isIpInUse(CatalogFixture.SHARED_NET, "10.0.0.21")).isFalse();
        assertThat(store.catalog().firstFreeIp(CatalogFixture.SHARED_NET)).contains("10.0.0.10");
        assertThat(store.failedUnits()).isEqualTo(1);

        String free = store.inUnitOfWork(w -> replace(w, old, fresh));
        assertThat(free).isEqualTo("10.0.0.10");
        assertThat(store.list()).containsExactly(fresh);
    }

    @Test
    @DisplayName("a failure just after the commit keeps the unit's writes, as a lost acknowledgement would")
    void failureAfterCommit() {
        ManagedInstance old = store.putManaged(managed("old", "10.0.0.20"));
        ManagedInstance fresh = managed("fresh", "10.0.0.21");
        store.failOnce(Step.AFTER_COMMIT);

        Throwable thrown = catchThrowable(() -> store.inUnitOfWork(w -> replace(w, old, fresh)));

        assertThat(thrown).isInstanceOf(StoreFailureException.class).hasMessageContaining("after commit");
        assertThat(store.list()).containsExactly(fresh);
        assertThat(store.catalog().isIpInUse(CatalogFixture.SHARED_NET, "10.0.0.20")).isFalse();
        assertThat(store.catalog().isIpInUse(CatalogFixture.SHARED_NET, "10.0.0.21")).isTrue();
        assertThat(store.committedUnits()).isEqualTo(2);
        assertThat(store.failedUnits()).isZero();
    }

    @Test
    @DisplayName("a persistent failure keeps failing until the faults are cleared")
    void failAlways() {
        store.failAlways(Step.COMMIT);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> store.putManaged(managed("x", null))).isInstanceOf(StoreFailureException.class);
        }
        store.clearFaults();
        store.putManaged(managed("x", null));
        assertThat(store.list()).hasSize(1);
        assertThat(store.committedUnits()).isEqualTo(1);
        assertThat(store.failedUnits()).isEqualTo(3);
    }

    @Test
    @DisplayName("a unit of work inside another is refused, since the outer one would stop being atomic")
    void nestedUnitRefused() {
        assertThatThrownBy(() -> store.inUnitOfWork(w -> store.inUnitOfWork(inner -> null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("nested");
    }

    @Test
    @DisplayName("writes kept beyond their unit are refused")
    void writesAfterUnitRefused() {
        AtomicReference<InventoryStore.Writes> escaped = new AtomicReference<>();
        store.inUnitOfWork(w -> {
            escaped.set(w);
            return null;
        });
        assertThatThrownBy(() -> escaped.get().insertInstance(managed("late", null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("over");
        assertThat(store.list()).isEmpty();
    }

    @Test
    @DisplayName("an unknown network, a malformed MAC or a malformed IP is refused naming the field and value")
    void badInput() {
        UUID owner = UUID.randomUUID();
        assertThatThrownBy(() -> store.inUnitOfWork(w -> w.reserveFreeIp("nonet", owner)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("networkId").hasMessageContaining("nonet");
        assertThatThrownBy(() -> store.inUnitOfWork(w -> {
            w.reserveMac(CatalogFixture.SHARED_NET, "52:54:00:zz:00:01", owner);
            return null;
        })).isInstanceOf(InvalidRequestException.class).hasMessageContaining("mac").hasMessageContaining("zz");
        assertThatThrownBy(() -> store.inUnitOfWork(w -> {
            w.reserveIp(CatalogFixture.SHARED_NET, "10.0.0.300", owner);
            return null;
        })).isInstanceOf(InvalidRequestException.class).hasMessageContaining("10.0.0.300");
    }

    @Test
    @DisplayName("an instance reserving its own MAC again is accepted")
    void ownMacAgain() {
        UUID owner = UUID.randomUUID();
        store.inUnitOfWork(w -> {
            w.reserveMac(CatalogFixture.SHARED_NET, "52:54:00:00:00:01", owner);
            w.reserveMac(CatalogFixture.SHARED_NET, "52:54:00:00:00:01", owner);
            return null;
        });
        assertThat(store.catalog().isMacInUse(CatalogFixture.SHARED_NET, "52:54:00:00:00:01")).isTrue();
    }

    @Test
    @DisplayName("a catalog with two entries of one id is refused")
    void duplicateCatalogIds() {
        Catalog twice = new Catalog(List.of(new Owner("a", "A"), new Owner("a", "A again")), null, null, null, null,
                null);
        assertThatThrownBy(() -> new InMemoryInventoryStore(twice)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a");
    }

    /** Removes {@code old} and imports {@code fresh} with a fixed and a free IP: every step in one unit. */
    private static String replace(InventoryStore.Writes w, ManagedInstance old, ManagedInstance fresh) {
        w.removeInstance(old.uuid());
        w.insertInstance(fresh);
        w.reserveMac(CatalogFixture.SHARED_NET, fresh.nics().get(0).mac(), fresh.uuid());
        w.reserveIp(CatalogFixture.SHARED_NET, fresh.nics().get(0).ipAddress(), fresh.uuid());
        return w.reserveFreeIp(CatalogFixture.SHARED_NET, fresh.uuid());
    }

    private static ManagedInstance managed(String name, String ip) {
        return new ManagedInstance(UUID.randomUUID(), name, null, HOST, CatalogFixture.ACME, CatalogFixture.SMALL,
                null, 1, 1L << 30, List.of(new ManagedNic(InstanceDescriptors.freshMac(), CatalogFixture.SHARED_NET,
                ip)), List.of(), Instant.EPOCH);
    }
}
