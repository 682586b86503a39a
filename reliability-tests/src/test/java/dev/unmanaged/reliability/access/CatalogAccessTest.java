package dev.unmanaged.reliability.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.unmanaged.api.error.ImportRejectedException;
import dev.unmanaged.api.instance.DiskDescriptor;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.inventory.Catalog;
import dev.unmanaged.api.inventory.DiskOffering;
import dev.unmanaged.api.operation.ImportPlan;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.IpAssignment;
import dev.unmanaged.api.operation.Problem;
import dev.unmanaged.api.operation.ProblemCode;
import dev.unmanaged.reliability.support.Stores;
import dev.unmanaged.reliability.support.World;
import dev.unmanaged.tck.CatalogFixture;
import dev.unmanaged.tck.fake.InstanceDescriptors;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The store's catalog says who may use what ({@code CatalogEntry.ownerIds}); an import for an owner onto an
 * entry restricted to another owner is refused with {@link ProblemCode#ACCESS_DENIED}, on the fakes and on the
 * JDBC store, and nothing is written. The same import for the entitled owner is not refused for access.
 */
@DisplayName("An import onto a catalog entry the owner may not use is refused with ACCESS_DENIED")
class CatalogAccessTest {
    /** A disk offering only ACME may use (the fixture has none). */
    static final String ACME_DISK = "acme-disk-100g";
    private static final AtomicInteger REFUSED = new AtomicInteger();

    static Catalog catalog() {
        Catalog fixture = CatalogFixture.catalog();
        List<DiskOffering> diskOfferings = new ArrayList<>(fixture.diskOfferings());
        diskOfferings.add(new DiskOffering(ACME_DISK, "Acme 100 GiB", 100 * InstanceDescriptors.GIB, false,
                Set.of(CatalogFixture.ACME)));
        return new Catalog(fixture.owners(), fixture.offerings(), fixture.networks(), fixture.pools(), diskOfferings,
                fixture.templates());
    }

    /** A restricted entry and how a request uses it. */
    enum Restricted {
        NETWORK("network " + CatalogFixture.ACME_NET, (vm, b) -> {
            String mac = vm.nics().get(0).mac();
            return b.network(mac, CatalogFixture.ACME_NET).ip(mac, IpAssignment.auto());
        }),
        OFFERING("offering " + CatalogFixture.ACME_LARGE, (vm, b) -> b.offering(CatalogFixture.ACME_LARGE)),
        POOL("pool " + CatalogFixture.ACME_RBD_POOL, (vm, b) -> b.pool("vda", CatalogFixture.ACME_RBD_POOL)),
        DISK_OFFERING("disk offering " + ACME_DISK, (vm, b) -> b.diskOffering("vda", ACME_DISK)),
        TEMPLATE("template " + CatalogFixture.ACME_WINDOWS, (vm, b) -> b.template(CatalogFixture.ACME_WINDOWS));

        final String entry;
        final BiFunction<InstanceDescriptor, ImportRequest.Builder, ImportRequest.Builder> use;

        Restricted(String entry, BiFunction<InstanceDescriptor, ImportRequest.Builder, ImportRequest.Builder> use) {
            this.entry = entry;
            this.use = use;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(Stores.Kind.values())
                .flatMap(kind -> Stream.of(Restricted.values()).map(r -> Arguments.of(kind, r)));
    }

    @AfterAll
    static void report() {
        System.out.println("access: " + REFUSED.get() + " imports onto restricted entries refused with ACCESS_DENIED");
    }

    /** A VM that fits ACME_LARGE (4 vCPUs, 8 GiB) and whose disk lives in the rbd-fast pool. */
    private static InstanceDescriptor vm() {
        DiskDescriptor rbd = new DiskDescriptor("disk", "network", "raw", null, "rbd-fast/vm-disk", "rbd",
                List.of("10.9.0.1:6789"), "vda", "virtio", null, false, false, null, 50 * InstanceDescriptors.GIB,
                null);
        return InstanceDescriptors.named("acme-vm").vcpus(4).memoryMib(8192).disk(rbd)
                .nic(InstanceDescriptors.freshMac(), "br0").build();
    }

    /**
     * A request of {@code owner} that uses the entry under test. The VM's disk lives only in the restricted
     * rbd-fast pool, so every case also names that pool; each case looks for the refusal naming its own entry.
     */
    private static ImportRequest request(World world, InstanceDescriptor vm, String owner, Restricted restricted) {
        String mac = vm.nics().get(0).mac();
        ImportRequest.Builder builder = ImportRequest.builder(world.host, vm.uuid().toString())
                .owner(owner).displayName("acme-vm").offering(CatalogFixture.CUSTOM)
                .network(mac, CatalogFixture.SHARED_NET).ip(mac, IpAssignment.auto())
                .pool("vda", CatalogFixture.ACME_RBD_POOL).diskOffering("vda", CatalogFixture.DISK_CUSTOM);
        return restricted.use.apply(vm, builder).build();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void refusedForAnotherOwner(Stores.Kind kind, Restricted restricted) {
        try (World world = World.open(kind, catalog())) {
            InstanceDescriptor vm = world.put(vm());
            String before = world.snapshot();

            ImportPlan plan = world.instances.plan(request(world, vm, CatalogFixture.GLOBEX, restricted));
            List<Problem> denied = plan.problems().stream().filter(p -> p.code() == ProblemCode.ACCESS_DENIED).toList();
            assertThat(denied).as("access problems").anySatisfy(p -> {
                assertThat(p.blocks()).isTrue();
                assertThat(p.subject() + " " + p.message()).contains(restricted.entry.substring(restricted.entry.lastIndexOf(' ') + 1));
                assertThat(p.message()).contains(CatalogFixture.GLOBEX);
            });

            ImportRejectedException refused = catchThrowableOfType(ImportRejectedException.class,
                    () -> world.instances.importInstance(request(world, vm, CatalogFixture.GLOBEX, restricted)));
            assertThat(refused).isNotNull();
            assertThat(refused.problems()).extracting(Problem::code).contains(ProblemCode.ACCESS_DENIED);
            assertThat(world.snapshot()).as("nothing written").isEqualTo(before);
            REFUSED.incrementAndGet();

            ImportPlan entitled = world.instances.plan(request(world, vm, CatalogFixture.ACME, restricted));
            assertThat(entitled.problems()).extracting(Problem::code).doesNotContain(ProblemCode.ACCESS_DENIED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Stores.Kind.class)
    @DisplayName("the store's catalog keeps who may use each entry, and the entitled owner imports")
    void catalogSaysWhoMayUseWhat(Stores.Kind kind) {
        try (World world = World.open(kind, catalog())) {
            var catalog = world.store.delegate().catalog();
            assertThat(catalog.network(CatalogFixture.ACME_NET).orElseThrow().ownerIds()).containsExactly(CatalogFixture.ACME);
            assertThat(catalog.offering(CatalogFixture.ACME_LARGE).orElseThrow().ownerIds()).containsExactly(CatalogFixture.ACME);
            assertThat(catalog.pool(CatalogFixture.ACME_RBD_POOL).orElseThrow().ownerIds()).containsExactly(CatalogFixture.ACME);
            assertThat(catalog.diskOffering(ACME_DISK).orElseThrow().ownerIds()).containsExactly(CatalogFixture.ACME);
            assertThat(catalog.template(CatalogFixture.ACME_WINDOWS).orElseThrow().ownerIds()).containsExactly(CatalogFixture.ACME);
            assertThat(catalog.network(CatalogFixture.SHARED_NET).orElseThrow().ownerIds()).isEmpty();

            InstanceDescriptor vm = world.put(vm());
            String mac = vm.nics().get(0).mac();
            var imported = world.instances.importInstance(ImportRequest.builder(world.host, vm.uuid().toString())
                    .owner(CatalogFixture.ACME).displayName("acme-vm").offering(CatalogFixture.ACME_LARGE)
                    .template(CatalogFixture.ACME_WINDOWS).network(mac, CatalogFixture.ACME_NET)
                    .ip(mac, IpAssignment.auto()).pool("vda", CatalogFixture.ACME_RBD_POOL)
                    .diskOffering("vda", ACME_DISK).build());
            assertThat(imported.instance().nics()).singleElement()
                    .satisfies(n -> assertThat(n.ipAddress()).isEqualTo("10.1.0.2"));
        }
    }
}
