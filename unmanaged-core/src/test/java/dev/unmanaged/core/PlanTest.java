package dev.unmanaged.core;

import static dev.unmanaged.core.Fixtures.GIB;
import static dev.unmanaged.core.Fixtures.H1;
import static dev.unmanaged.core.Fixtures.mac;
import static dev.unmanaged.core.Fixtures.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.unmanaged.api.error.InstanceNotFoundException;
import dev.unmanaged.api.instance.DescriptorWarning;
import dev.unmanaged.api.instance.WarningCodes;
import dev.unmanaged.api.operation.ImportPlan;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.IpAssignment;
import dev.unmanaged.api.operation.Problem;
import dev.unmanaged.api.operation.ProblemCode;
import dev.unmanaged.api.operation.Severity;
import dev.unmanaged.tck.fake.InMemoryHypervisorProvider;
import dev.unmanaged.tck.fake.InMemoryInventoryStore;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Planning an import")
class PlanTest {
    private final Workbench bench = new Workbench();
    private final InMemoryHypervisorProvider provider = bench.provider;
    private final InMemoryInventoryStore store = bench.store;
    private final UnmanagedInstances instances = bench.instances;

    @AfterEach
    void tearDown() {
        bench.close();
    }

    @Test
    @DisplayName("a clean request has no problem and proposes the record with the planned address")
    void cleanPlan() {
        Fixtures.put(provider, H1, Fixtures.simpleVm("web", 1));

        ImportPlan plan = instances.plan(Fixtures.cleanRequest(H1, 1).build());

        assertThat(plan.problems()).isEmpty();
        assertThat(plan.importable()).isTrue();
        assertThat(plan.instance().name()).isEqualTo("web");
        assertThat(plan.proposed().vcpus()).isEqualTo(2);
        assertThat(plan.proposed().nics()).singleElement()
                .satisfies(nic -> assertThat(nic.ipAddress()).isEqualTo("10.0.0.10"));
        assertThat(plan.proposed().disks()).singleElement()
                .satisfies(disk -> assertThat(disk.poolId()).isEqualTo("images"));
        assertThat(store.list()).isEmpty();
    }

    @Test
    @DisplayName("every problem is reported at once, each with its code, subject and found-versus-expected message")
    void everyProblemAtOnce() {
        // 4 vCPUs / 3 GiB against a fixed 2 vCPU / 2 GiB offering; two NICs, two disks, one of them elsewhere.
        Fixtures.put(provider, H1, Fixtures.vm("bad name!", uuid(7), 4, 3 * GIB, List.of(mac(1), mac(2)),
                List.of("/var/lib/libvirt/images/a.qcow2", "/home/user/b.qcow2"),
                List.of(DescriptorWarning.blocking(WarningCodes.DUPLICATE_DISK_TARGET, "two disks are vda"),
                        DescriptorWarning.info(WarningCodes.UNMODELLED, "a <watchdog> was kept as a value"))));
        ImportRequest request = ImportRequest.builder(H1, "bad name!")
                .owner("alice").offering("small").template("nope")
                .network(mac(1), "net1").ip(mac(1), IpAssignment.fixed("192.168.1.5"))
                .network("52:54:00:ff:ff:ff", "net1")
                .pool("vda", "images").diskOffering("vda", "d5")
                .pool("vdb", "images")
                .pool("sda", "images")
                .build();

        ImportPlan plan = instances.plan(request);

        assertThat(plan.importable()).isFalse();
        assertThat(plan.problems()).extracting(Problem::code, Problem::severity, Problem::subject).contains(
                tuple(ProblemCode.INSTANCE_UNSAFE, Severity.BLOCK, "instance warning DUPLICATE_DISK_TARGET"),
                tuple(ProblemCode.INSTANCE_UNSAFE, Severity.WARN, "instance warning UNMODELLED"),
                tuple(ProblemCode.OFFERING_CPU_MISMATCH, Severity.BLOCK, "offering"),
                tuple(ProblemCode.OFFERING_MEMORY_MISMATCH, Severity.BLOCK, "offering"),
                tuple(ProblemCode.TEMPLATE_NOT_FOUND, Severity.BLOCK, "template"),
                tuple(ProblemCode.NAME_INVALID, Severity.BLOCK, "displayName"),
                tuple(ProblemCode.IP_OUT_OF_RANGE, Severity.BLOCK, "nic " + mac(1)),
                tuple(ProblemCode.NIC_UNMAPPED, Severity.BLOCK, "nic " + mac(2)),
                tuple(ProblemCode.MAPPING_UNKNOWN_DEVICE, Severity.BLOCK, "nic 52:54:00:ff:ff:ff"),
                tuple(ProblemCode.DISK_OFFERING_TOO_SMALL, Severity.BLOCK, "disk vda"),
                tuple(ProblemCode.DISK_POOL_MISMATCH, Severity.BLOCK, "disk vdb"),
                tuple(ProblemCode.MAPPING_UNKNOWN_DEVICE, Severity.BLOCK, "disk sda"));
        assertThat(plan.blockingProblems()).hasSizeGreaterThanOrEqualTo(11);
        assertThat(message(plan, ProblemCode.OFFERING_CPU_MISMATCH)).contains("4 vCPUs").contains("has 2");
        assertThat(message(plan, ProblemCode.OFFERING_MEMORY_MISMATCH)).contains("3072 MiB").contains("2048 MiB");
        assertThat(message(plan, ProblemCode.IP_OUT_OF_RANGE)).contains("192.168.1.5").contains("10.0.0.10-10.0.0.20");
        assertThat(message(plan, ProblemCode.DISK_OFFERING_TOO_SMALL)).contains("10240 MiB").contains("5120 MiB");
        assertThat(message(plan, ProblemCode.DISK_POOL_MISMATCH)).contains("/home/user/b.qcow2")
                .contains("/var/lib/libvirt/images");
        assertThat(plan.problems().get(0).severity()).isEqualTo(Severity.BLOCK);
        assertThat(store.list()).isEmpty();
    }

    @Test
    @DisplayName("missing owner, offering, network and pool are reported by name")
    void missingCatalogEntries() {
        Fixtures.put(provider, H1, Fixtures.simpleVm("web", 1));
        ImportRequest request = ImportRequest.builder(H1, "web")
                .owner("carol").offering("huge")
                .network(mac(1), "nonet").pool("vda", "nopool").diskOffering("vda", "nodo")
                .build();

        ImportPlan plan = instances.plan(request);

        assertThat(plan.problems()).extracting(Problem::code).contains(ProblemCode.OWNER_NOT_FOUND,
                ProblemCode.OFFERING_NOT_FOUND, ProblemCode.NETWORK_NOT_FOUND, ProblemCode.POOL_NOT_FOUND,
                ProblemCode.DISK_OFFERING_NOT_FOUND);
        assertThat(message(plan, ProblemCode.OWNER_NOT_FOUND)).contains("'carol'");
        assertThat(message(plan, ProblemCode.NETWORK_NOT_FOUND)).contains("'nonet'");
    }

    @Test
    @DisplayName("catalog entries the owner may not use are refused as ACCESS_DENIED")
    void accessDenied() {
        Fixtures.put(provider, H1, Fixtures.simpleVm("web", 1));
        ImportRequest request = Fixtures.cleanRequest(H1, 1).offering("gold").network(mac(1), "bobnet").build();

        ImportPlan plan = instances.plan(request);

        assertThat(plan.problems()).extracting(Problem::code, Problem::subject).containsExactlyInAnyOrder(
                tuple(ProblemCode.ACCESS_DENIED, "offering"), tuple(ProblemCode.ACCESS_DENIED, "nic " + mac(1)));
        assertThat(message(plan, ProblemCode.ACCESS_DENIED)).contains("'alice'");
    }

    @Test
    @DisplayName("a custom offering takes the instance's size within bounds, and refuses a request outside them")
    void customOffering() {
        Fixtures.put(provider, H1, Fixtures.vm("big", uuid(3), 6, 12 * GIB, List.of(mac(3)),
                List.of("/var/lib/libvirt/images/big.qcow2"), List.of()));

        ImportPlan fits = instances.plan(Fixtures.cleanRequest(H1, 3).offering("flex").build());
        assertThat(fits.problems()).isEmpty();
        assertThat(fits.proposed().vcpus()).isEqualTo(6);
        assertThat(fits.proposed().memoryBytes()).isEqualTo(12 * GIB);

        ImportPlan outside = instances.plan(Fixtures.cleanRequest(H1, 3).offering("flex").custom(16, 32 * GIB).build());
        assertThat(outside.blockingProblems()).extracting(Problem::code)
                .containsExactlyInAnyOrder(ProblemCode.OFFERING_CPU_MISMATCH, ProblemCode.OFFERING_MEMORY_MISMATCH);
        assertThat(message(outside, ProblemCode.OFFERING_CPU_MISMATCH)).contains("16 vCPUs").contains("1-8");
    }

    @Test
    @DisplayName("fixed IPs in use or asked twice, and an exhausted range for auto, are each reported")
    void addressProblems() {
        Fixtures.put(provider, H1, Fixtures.vm("multi", uuid(4), 2, 2 * GIB, List.of(mac(41), mac(42), mac(43), mac(44)),
                List.of("/var/lib/libvirt/images/m.qcow2"), List.of()));
        store.inUnitOfWork(w -> {
            w.reserveIp("net1", "10.0.0.12", uuid(99));
            w.reserveIp("tiny", "10.9.0.1", uuid(99));
            return null;
        });
        ImportRequest request = ImportRequest.builder(H1, "multi").owner("alice").offering("small")
                .pool("vda", "images")
                .network(mac(41), "net1").ip(mac(41), IpAssignment.fixed("10.0.0.12"))
                .network(mac(42), "net1").ip(mac(42), IpAssignment.fixed("10.0.0.15"))
                .network(mac(43), "net1").ip(mac(43), IpAssignment.fixed("10.0.0.15"))
                .network(mac(44), "tiny").ip(mac(44), IpAssignment.auto())
                .build();

        ImportPlan plan = instances.plan(request);

        assertThat(plan.problems()).extracting(Problem::code, Problem::subject).containsExactlyInAnyOrder(
                tuple(ProblemCode.IP_IN_USE, "nic " + mac(41)),
                tuple(ProblemCode.IP_DUPLICATE_IN_REQUEST, "nic " + mac(43)),
                tuple(ProblemCode.IP_RANGE_EXHAUSTED, "nic " + mac(44)));
    }

    @Test
    @DisplayName("auto never plans an address that a fixed NIC of the same request asks for")
    void autoSkipsFixedAddressesOfTheRequest() {
        Fixtures.put(provider, H1, Fixtures.vm("two", uuid(5), 2, 2 * GIB, List.of(mac(51), mac(52)),
                List.of("/var/lib/libvirt/images/two.qcow2"), List.of()));
        ImportRequest request = ImportRequest.builder(H1, "two").owner("alice").offering("small")
                .network(mac(51), "net1").ip(mac(51), IpAssignment.auto())
                .network(mac(52), "net1").ip(mac(52), IpAssignment.fixed("10.0.0.10"))
                .pool("vda", "images").build();

        ImportPlan plan = instances.plan(request);

        assertThat(plan.problems()).isEmpty();
        assertThat(plan.proposed().nics()).extracting(n -> n.ipAddress()).containsExactly("10.0.0.11", "10.0.0.10");
    }

    @Test
    @DisplayName("a MAC in use on the network blocks, or is replaced by a fresh local MAC when asked")
    void macCollisions() {
        Fixtures.put(provider, H1, Fixtures.simpleVm("web", 1));
        store.inUnitOfWork(w -> {
            w.reserveMac("net1", mac(1), uuid(99));
            return null;
        });

        ImportPlan refused = instances.plan(Fixtures.cleanRequest(H1, 1).build());
        assertThat(refused.blockingProblems()).extracting(Problem::code).containsExactly(ProblemCode.MAC_IN_USE);

        ImportPlan regenerated = instances.plan(Fixtures.cleanRequest(H1, 1).regenerateCollidingMacs(true).build());
        assertThat(regenerated.importable()).isTrue();
        assertThat(regenerated.problems()).extracting(Problem::code, Problem::severity)
                .containsExactly(tuple(ProblemCode.MAC_IN_USE, Severity.WARN));
        String fresh = regenerated.proposed().nics().get(0).mac();
        assertThat(fresh).isNotEqualTo(mac(1));
        assertThat(LocallyAdministeredMacs.isLocallyAdministeredUnicast(fresh)).isTrue();
        assertThat(regenerated.problems().get(0).message()).contains(fresh);
    }

    @Test
    @DisplayName("an instance without UUID, or already managed, is refused")
    void identity() {
        Fixtures.put(provider, H1, Fixtures.vm("nouuid", null, 2, 2 * GIB, List.of(mac(8)),
                List.of("/var/lib/libvirt/images/n.qcow2"),
                List.of(DescriptorWarning.blocking(WarningCodes.UUID_MISSING, "no <uuid>"))));

        ImportPlan plan = instances.plan(ImportRequest.builder(H1, "nouuid").owner("alice").offering("small")
                .network(mac(8), "net1").pool("vda", "images").build());

        assertThat(plan.problems()).extracting(Problem::code).containsExactly(ProblemCode.INSTANCE_UUID_MISSING);
        assertThat(plan.proposed()).isNull();
        assertThat(plan.importable()).isFalse();
    }

    @Test
    @DisplayName("a NIC whose MAC is not a MAC address blocks the import instead of failing at commit")
    void malformedMac() {
        Fixtures.put(provider, H1, Fixtures.vm("odd", uuid(12), List.of("52:54:00:zz:00:01"),
                List.of("/var/lib/libvirt/images/odd.qcow2")));

        ImportPlan plan = instances.plan(ImportRequest.builder(H1, "odd").owner("alice").offering("small")
                .network("52:54:00:zz:00:01", "net1").pool("vda", "images").build());

        assertThat(plan.blockingProblems()).extracting(Problem::code, Problem::subject)
                .contains(tuple(ProblemCode.INSTANCE_UNSAFE, "nic 52:54:00:zz:00:01"));
    }

    @Test
    @DisplayName("an instance that is not on the host is a typed not-found error")
    void notFound() {
        assertThatThrownBy(() -> instances.plan(Fixtures.cleanRequest(H1, 404).build()))
                .isInstanceOf(InstanceNotFoundException.class);
    }

    @Test
    @DisplayName("a display name with a newline is refused and the message stays on one line")
    void hostileNames() {
        Fixtures.put(provider, H1, Fixtures.simpleVm("web", 1));

        ImportPlan plan = instances.plan(Fixtures.cleanRequest(H1, 1).displayName("web\nINFO forged").build());

        assertThat(plan.problems()).extracting(Problem::code).containsExactly(ProblemCode.NAME_INVALID);
        assertThat(plan.problems().get(0).message()).doesNotContain("\n").contains("web\\nINFO forged");
    }

    private static String message(ImportPlan plan, ProblemCode code) {
        return plan.problems().stream().filter(p -> p.code() == code).findFirst().orElseThrow().message();
    }
}
