package dev.unmanaged.benchmarks.fleet;

import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.inventory.AddressRange;
import dev.unmanaged.api.inventory.Catalog;
import dev.unmanaged.api.inventory.ComputeOffering;
import dev.unmanaged.api.inventory.Network;
import dev.unmanaged.api.inventory.Owner;
import dev.unmanaged.api.inventory.StoragePool;
import dev.unmanaged.api.mapping.DiskMatch;
import dev.unmanaged.api.mapping.ImportMap;
import dev.unmanaged.api.mapping.IpPolicy;
import dev.unmanaged.api.mapping.NetworkMap;
import dev.unmanaged.api.mapping.NetworkRule;
import dev.unmanaged.api.mapping.NicMatch;
import dev.unmanaged.api.mapping.OfferingPolicy;
import dev.unmanaged.api.mapping.StorageMap;
import dev.unmanaged.api.mapping.StorageRule;
import dev.unmanaged.api.operation.FleetPlan;
import dev.unmanaged.api.operation.FleetRequest;
import dev.unmanaged.api.operation.InstanceListing;
import dev.unmanaged.api.operation.ListQuery;
import dev.unmanaged.api.spi.InventoryStore;
import dev.unmanaged.benchmarks.HeapMeter;
import dev.unmanaged.benchmarks.ProjectPaths;
import dev.unmanaged.benchmarks.ResultRow;
import dev.unmanaged.benchmarks.RunMode;
import dev.unmanaged.benchmarks.Samples;
import dev.unmanaged.benchmarks.listing.NodeFileGenerator;
import dev.unmanaged.core.UnmanagedInstances;
import dev.unmanaged.inventory.jdbc.JdbcInventoryStore;
import dev.unmanaged.kvm.KvmInstanceProvider;
import dev.unmanaged.kvm.KvmProviderOptions;
import dev.unmanaged.tck.fake.InMemoryInventoryStore;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Plans every instance of many generated test-driver hosts under one map ({@code UnmanagedInstances.planFleet}),
 * against the in-memory reference store seeded with a catalog the map names, so that the figure is the library's
 * own, and against an embedded H2 store (the tool's default), where every lookup the plan makes is a read
 * transaction; the baseline is listing the same
 * hosts ({@code list}), which a fleet plan starts with, so the ratio is what planning adds. Memory is the heap the
 * held plans take, per plan.
 */
public final class FleetPlanSuite {
    private static final long GIB = 1L << 30;
    /** Generous: fifty test-driver hosts read at once on a small shared machine take their time. */
    private static final Duration HOST_DEADLINE = Duration.ofMinutes(10);

    private FleetPlanSuite() {
    }

    /** The generated fleet's size and the measured runs. */
    record Shape(int hosts, int domainsPerHost, int warmups, int runs) {
        int instances() {
            return hosts * domainsPerHost;
        }
    }

    public static List<ResultRow> run(RunMode mode) {
        Shape shape = mode.smoke() ? new Shape(2, 30, 0, 1) : new Shape(50, 200, 1, 2);
        Shape jdbcShape = mode.smoke() ? new Shape(2, 30, 0, 1) : new Shape(10, 200, 1, 2);
        List<ResultRow> rows = new ArrayList<>();
        rows.add(measure(shape, new InMemoryInventoryStore(catalog()), "in-memory store", true));
        // The target is the library's own cost, measured on the in-memory store; the H2 row shows what a store adds.
        Path directory = ProjectPaths.scratch("fleet-inventory-" + System.nanoTime());
        try (JdbcInventoryStore store = JdbcInventoryStore.openH2(directory)) {
            store.seedIfEmpty(catalog());
            rows.add(measure(jdbcShape, store, "embedded H2 store (the tool's default)", false));
        }
        return rows;
    }

    private static ResultRow measure(Shape shape, InventoryStore store, String storeName, boolean heap) {
        List<Host> hosts = generate(shape);
        try (KvmInstanceProvider provider = new KvmInstanceProvider(
                KvmProviderOptions.builder().testDriverAllowed(true).build());
             UnmanagedInstances instances = UnmanagedInstances.builder().providers(provider).store(store)
                     .hostDeadline(HOST_DEADLINE).ruleLoader(null).build()) {
            FleetRequest request = FleetRequest.of(ListQuery.of(hosts), map(), "acme");
            Samples planned = new Samples();
            Samples listed = new Samples();
            int plans = 0;
            long importable = 0;
            for (int i = 0; i < shape.warmups() + shape.runs(); i++) {
                long start = System.nanoTime();
                FleetPlan fleet = instances.planFleet(request);
                double planMillis = (System.nanoTime() - start) / 1e6;
                start = System.nanoTime();
                InstanceListing listing = instances.list(ListQuery.of(hosts));
                double listMillis = (System.nanoTime() - start) / 1e6;
                requireWhole(shape, fleet, listing);
                plans = fleet.plans().size();
                importable = fleet.importable().size();
                if (i >= shape.warmups()) {
                    planned.add(planMillis);
                    listed.add(listMillis);
                }
            }
            String held = heap ? "; " + ResultRow.number(bytesPerPlan(instances, request) / 1024.0, 1)
                    + " KiB heap per plan held" : "";
            double ratio = planned.median() / listed.median();
            return ResultRow.compared(String.format("Fleet plan: %,d instances on %d hosts under one map, %s",
                            shape.instances(), shape.hosts(), storeName),
                    ResultRow.number(planned.median() / 1000, 2) + " s to plan all ("
                            + ResultRow.number(plans / (planned.median() / 1000), 0) + " plans/s)" + held,
                    ResultRow.number(listed.median() / 1000, 2) + " s to list the same hosts", ratio,
                    heap ? "≤ 5× the listing" : "report", !heap || ratio <= 5, String.format("medians of %d run(s) after %d warm-up(s); %,d of %,d plans importable"
                                    + " (the rest: NICs of kinds no rule maps, by design); list parallelism %d",
                            shape.runs(), shape.warmups(), importable, plans,
                            UnmanagedInstances.DEFAULT_LIST_PARALLELISM));
        }
    }

    private static void requireWhole(Shape shape, FleetPlan fleet, InstanceListing listing) {
        if (!fleet.failures().isEmpty() || fleet.plans().size() != shape.instances()
                || listing.instances().size() != shape.instances()) {
            throw new IllegalStateException("expected " + shape.instances() + " plans and instances, found "
                    + fleet.plans().size() + " plans, " + listing.instances().size() + " listed, failures "
                    + fleet.failures());
        }
    }

    private static long bytesPerPlan(UnmanagedInstances instances, FleetRequest request) {
        long before = HeapMeter.settledHeapBytes();
        FleetPlan held = instances.planFleet(request);
        long after = HeapMeter.settledHeapBytes();
        Reference.reachabilityFence(held);
        return (after - before) / held.plans().size();
    }

    private static List<Host> generate(Shape shape) {
        Path directory = ProjectPaths.scratch("fleet-hosts-" + shape.hosts());
        var hosts = new ArrayList<Host>();
        for (int i = 0; i < shape.hosts(); i++) {
            Path node = directory.resolve("host-" + i + ".xml");
            new NodeFileGenerator(shape.domainsPerHost(), 1000 + i).write(node);
            hosts.add(new Host("fleet-" + i, "kvm", "test://" + node));
        }
        return hosts;
    }

    /** What the generated hosts attach to: networks net0-2, bridges br0-2, devices eth0-2, VLANs 100-102. */
    static ImportMap map() {
        var networks = new ArrayList<NetworkRule>();
        networks.add(NetworkRule.of(NicMatch.vlan(100), "tagged"));
        for (int n = 0; n < 3; n++) {
            networks.add(NetworkRule.of(NicMatch.network("net" + n), "guest"));
            networks.add(NetworkRule.of(NicMatch.bridge("br" + n), "prod"));
        }
        networks.add(new NetworkRule(NicMatch.device("eth0"), "lab", IpPolicy.NONE));
        List<StorageRule> pools = List.of(
                new StorageRule(DiskMatch.hostPool("images"), "images"),
                new StorageRule(DiskMatch.hostPool("fast"), "fast"),
                new StorageRule(DiskMatch.pathPrefix("/var/lib/libvirt/images/"), "images"),
                new StorageRule(DiskMatch.pathPrefix("/var/lib/libvirt/fast/"), "fast"));
        return new ImportMap(new NetworkMap(networks, IpPolicy.AUTO), new StorageMap(pools), OfferingPolicy.CUSTOM);
    }

    static Catalog catalog() {
        return new Catalog(List.of(new Owner("acme", "ACME")),
                List.of(ComputeOffering.custom("custom", "Custom", 1, 64, 256L << 20, 256 * GIB)),
                List.of(network("guest", "10.10.0.1", "10.10.255.254"), network("prod", "10.20.0.1", "10.20.255.254"),
                        network("lab", "10.30.0.1", "10.30.255.254"), network("tagged", "10.40.0.1", "10.40.255.254")),
                List.of(new StoragePool("images", "Images", "/var/lib/libvirt/images", "images", Set.of()),
                        new StoragePool("fast", "Fast", "/var/lib/libvirt/fast", "fast", Set.of())),
                List.of(), List.of());
    }

    private static Network network(String id, String first, String last) {
        return new Network(id, id, new AddressRange(first, last), null, Set.of());
    }
}
