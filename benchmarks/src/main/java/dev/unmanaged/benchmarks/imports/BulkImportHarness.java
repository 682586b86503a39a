package dev.unmanaged.benchmarks.imports;

import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.inventory.AddressRange;
import dev.unmanaged.api.inventory.Catalog;
import dev.unmanaged.api.inventory.ComputeOffering;
import dev.unmanaged.api.inventory.Network;
import dev.unmanaged.api.inventory.Owner;
import dev.unmanaged.api.inventory.StoragePool;
import dev.unmanaged.api.operation.BulkOutcome;
import dev.unmanaged.api.operation.BulkResult;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.ImportResult;
import dev.unmanaged.api.operation.IpAssignment;
import dev.unmanaged.api.spi.InventoryStore;
import dev.unmanaged.benchmarks.Samples;
import dev.unmanaged.core.BulkProgressListener;
import dev.unmanaged.core.UnmanagedInstances;
import dev.unmanaged.tck.fake.InMemoryHypervisorProvider;
import dev.unmanaged.tck.fake.InstanceDescriptors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Imports many instances of the reference fake provider (no host latency) through the core's bulk import into
 * a real store: each import re-reads its instance, validates the request against the catalog, and commits the
 * record with a MAC reservation and an automatically allocated IP in one unit of work.
 */
public final class BulkImportHarness {
    static final String OWNER = "bench-owner";
    static final String OFFERING = "bench-custom";
    static final String NETWORK = "bench-net";
    static final String POOL = "bench-pool";
    private static final String POOL_PATH = "/var/lib/bench/images";
    private static final int HOSTS = 10;

    /** How each import's NIC gets its IP address. */
    public enum Addressing {
        /** A distinct fixed address per NIC, named in the request. */
        FIXED,
        /** {@code auto}: the store allocates the lowest free address of the network. */
        AUTO
    }

    /** What one bulk import gave. */
    public record Result(int imported, int failed, double seconds, Samples importMillis, String firstFailure,
                         long[] completedAfterNanos) {
        /** Imports per second over the whole bulk operation. */
        public double importsPerSecond() {
            return imported / seconds;
        }

        /** Imports per second of the first {@code count} imports to complete, from the start of the operation. */
        public double firstImportsPerSecond(int count) {
            return count / (completedAfterNanos[count - 1] / 1e9);
        }

        /** Imports per second of the last {@code count} imports to complete, from the one completed before them. */
        public double lastImportsPerSecond(int count) {
            int n = completedAfterNanos.length;
            return count / ((completedAfterNanos[n - 1] - completedAfterNanos[n - count - 1]) / 1e9);
        }
    }

    /** A distinct address of the network for item {@code i} of run {@code seed}: 10.20.0.1 to 10.20.255.254. */
    private static String fixedAddress(int seed, int i) {
        int offset = (seed - 1) * 16_000 + i + 1;
        if (seed < 1 || seed > 4 || i >= 16_000) {
            throw new IllegalArgumentException("fixed addresses cover 4 runs of at most 16,000 imports");
        }
        return "10.20." + (offset >> 8) + "." + (offset & 0xff);
    }

    /** The catalog every run imports into: one owner, a custom offering, a /16 network and one pool. */
    public static Catalog catalog() {
        return new Catalog(List.of(new Owner(OWNER, "Benchmark owner")),
                List.of(ComputeOffering.custom(OFFERING, "Custom", 1, 64, 64L << 20, 1L << 40)),
                List.of(new Network(NETWORK, "Benchmark network", new AddressRange("10.20.0.1", "10.20.255.254"),
                        null, Set.of())),
                List.of(new StoragePool(POOL, "Benchmark pool", POOL_PATH, null, Set.of())),
                List.of(), List.of());
    }

    /**
     * Imports {@code count} instances into {@code store} (whose catalog must be {@link #catalog()} and which must
     * manage none of them yet).
     *
     * @param seed       makes this run's UUIDs, MACs and fixed addresses differ from other runs' into the same
     *                   store (1 to 4)
     * @param addressing fixed addresses or automatic allocation
     */
    public static Result run(InventoryStore store, int count, int seed, Addressing addressing)
            throws InterruptedException {
        InMemoryHypervisorProvider fake = new InMemoryHypervisorProvider();
        TimedProvider provider = new TimedProvider(fake);
        List<Host> hosts = new ArrayList<>();
        for (int h = 0; h < HOSTS; h++) {
            hosts.add(fake.addHost("import-host-" + h));
        }
        List<ImportRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Host host = hosts.get(i % HOSTS);
            String name = String.format("import-%d-%05d", seed, i);
            UUID uuid = new UUID(0x1_0000_0000L * seed + 0xB0_0000, i);
            String mac = String.format("52:54:%02x:%02x:%02x:%02x", seed & 0xff, (i >> 16) & 0xff, (i >> 8) & 0xff,
                    i & 0xff);
            var instance = InstanceDescriptors.named(name).uuid(uuid).vcpus(1 + i % 4).memoryMib(512L << (i % 3))
                    .disk(InstanceDescriptors.fileDisk("vda", POOL_PATH + "/" + name + "-vda.qcow2",
                            20 * InstanceDescriptors.GIB))
                    .nic(InstanceDescriptors.bridgeNic(mac, "br0"));
            ImportRequest.Builder request = ImportRequest.builder(host, uuid.toString()).owner(OWNER)
                    .offering(OFFERING).network(mac, NETWORK).ip(mac, addressing == Addressing.AUTO ? IpAssignment.auto()
                            : IpAssignment.fixed(fixedAddress(seed, i))).pool("vda", POOL);
            if (i % 2 == 0) {
                instance.disk(InstanceDescriptors.fileDisk("vdb", POOL_PATH + "/" + name + "-vdb.raw",
                        100 * InstanceDescriptors.GIB));
                request.pool("vdb", POOL);
            }
            fake.putInstance(host.id(), instance.build());
            requests.add(request.build());
        }

        Samples importMillis = new Samples();
        long[] completed = new long[count];
        AtomicInteger completions = new AtomicInteger();
        long[] startedAt = new long[1];
        Consumer<BulkOutcome<ImportResult>> timing = outcome -> {
            int index = completions.getAndIncrement();
            if (index < count) {
                completed[index] = System.nanoTime() - startedAt[0];
            }
            Long started = provider.firstDescribed(outcome.key());
            if (started != null && outcome.status() == BulkOutcome.Status.SUCCEEDED) {
                double millis = (System.nanoTime() - started) / 1e6;
                synchronized (importMillis) {
                    importMillis.add(millis);
                }
            }
        };
        try (UnmanagedInstances instances = UnmanagedInstances.builder().providers(provider).store(store).build()) {
            BulkProgressListener<ImportResult> listener = progress -> timing.accept(progress.outcome());
            long start = System.nanoTime();
            startedAt[0] = start;
            BulkResult<ImportResult> result = instances.importAll(requests, listener).await();
            double seconds = (System.nanoTime() - start) / 1e9;
            int imported = (int) result.count(BulkOutcome.Status.SUCCEEDED);
            String firstFailure = result.outcomes().stream().filter(o -> o.error() != null).findFirst()
                    .map(o -> o.error().getMessage()).orElse(null);
            long[] completedAfter = Arrays.copyOf(completed, Math.min(count, completions.get()));
            Arrays.sort(completedAfter);
            return new Result(imported, result.outcomes().size() - imported, seconds, importMillis, firstFailure,
                    completedAfter);
        }
    }
}
