package dev.unmanaged.benchmarks.fanout;

import dev.unmanaged.api.error.HostUnavailableException;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.operation.HostFailure;
import dev.unmanaged.api.operation.InstanceListing;
import dev.unmanaged.api.operation.ListQuery;
import dev.unmanaged.api.spi.InventoryStore;
import dev.unmanaged.benchmarks.ResultRow;
import dev.unmanaged.benchmarks.Samples;
import dev.unmanaged.core.UnmanagedInstances;
import dev.unmanaged.tck.fake.InMemoryHypervisorProvider;
import dev.unmanaged.tck.fake.InMemoryInventoryStore;
import dev.unmanaged.tck.fake.InstanceDescriptors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Lists many slow hosts (the reference fake provider, every call delayed) through the core's listing with its
 * default parallelism, and the same hosts one after another as the peer does; then adds a host that never
 * answers and checks it costs no more than its deadline.
 */
public final class FanOutHarness {
    /** The sizes of one run. */
    public record Shape(int hosts, int instancesPerHost, Duration latency, Duration deadHostDeadline, int oursRuns,
                        int sequentialRuns) {
    }

    /** The full shape: 200 hosts, 100 ms per call. */
    public static final Shape FULL = new Shape(200, 20, Duration.ofMillis(100), Duration.ofSeconds(2), 7, 3);
    /** A tiny shape that only checks the harness runs. */
    public static final Shape SMOKE = new Shape(12, 3, Duration.ofMillis(20), Duration.ofMillis(300), 1, 1);

    /** What a run gave. */
    public record Result(Samples oursMillis, Samples sequentialMillis, double withDeadHostMillis,
                         double deadHostCostMillis, boolean deadHostReported, int instancesListed) {
    }

    /** Timer and scheduling jitter allowed on top of a deadline when judging what a dead host costs. */
    static final Duration DEADLINE_SLACK = Duration.ofMillis(50);

    private final Shape shape;

    public FanOutHarness(Shape shape) {
        this.shape = shape;
    }

    /** Runs the comparison and the dead-host check. */
    public Result measure() {
        InMemoryHypervisorProvider provider = new InMemoryHypervisorProvider();
        List<Host> hosts = new ArrayList<>();
        for (int h = 0; h < shape.hosts(); h++) {
            Host host = provider.addHost(String.format("host-%03d", h));
            for (int i = 0; i < shape.instancesPerHost(); i++) {
                provider.putInstance(host.id(), InstanceDescriptors.named(String.format("vm-%03d-%03d", h, i))
                        .uuid(new UUID(h, i)).build());
            }
            provider.setLatency(host.id(), shape.latency());
            hosts.add(host);
        }
        InventoryStore store = new InMemoryInventoryStore();
        int expected = shape.hosts() * shape.instancesPerHost();
        Samples ours = new Samples();
        Samples sequential = new Samples();
        try (UnmanagedInstances instances = UnmanagedInstances.builder().providers(provider).store(store).build()) {
            ListQuery query = ListQuery.of(hosts);
            requireAll(instances.list(query), expected);
            for (int run = 0; run < shape.oursRuns(); run++) {
                long start = System.nanoTime();
                InstanceListing listing = instances.list(query);
                ours.add((System.nanoTime() - start) / 1e6);
                requireAll(listing, expected);
            }
            for (int run = 0; run < shape.sequentialRuns(); run++) {
                long start = System.nanoTime();
                int listed = listOneAfterAnother(provider, store, hosts);
                sequential.add((System.nanoTime() - start) / 1e6);
                if (listed != expected) {
                    throw new IllegalStateException("the sequential loop listed " + listed + " of " + expected);
                }
            }

            // A host that accepts the call and never answers.
            Host dead = provider.addHost("host-dead");
            provider.setLatency(dead.id(), Duration.ofHours(1));
            List<Host> withDead = new ArrayList<>(hosts);
            withDead.add(dead);
            ListQuery deadQuery = ListQuery.of(withDead).withHostDeadline(shape.deadHostDeadline());
            long start = System.nanoTime();
            InstanceListing listing = instances.list(deadQuery);
            double withDeadMillis = (System.nanoTime() - start) / 1e6;
            boolean reported = listing.failures().stream().map(HostFailure::hostId).anyMatch(dead.id()::equals)
                    && listing.failures().stream().allMatch(f -> f.error() instanceof HostUnavailableException);
            if (listing.instances().size() != expected) {
                throw new IllegalStateException("with a dead host, " + listing.instances().size() + " of " + expected
                        + " instances were listed");
            }
            return new Result(ours, sequential, withDeadMillis, withDeadMillis - ours.median(), reported,
                    listing.instances().size());
        }
    }

    /** The peer's way: ask each host in turn, keep what the inventory does not manage. */
    private static int listOneAfterAnother(InMemoryHypervisorProvider provider, InventoryStore store,
                                           List<Host> hosts) {
        int listed = 0;
        for (Host host : hosts) {
            for (InstanceDescriptor instance : provider.listInstances(host)) {
                if (instance.uuid() == null || !store.isManaged(instance.uuid())) {
                    listed++;
                }
            }
        }
        return listed;
    }

    private static void requireAll(InstanceListing listing, int expected) {
        if (!listing.complete() || listing.instances().size() != expected) {
            throw new IllegalStateException("the listing holds " + listing.instances().size() + " of " + expected
                    + " instances with " + listing.failures().size() + " failed hosts");
        }
    }

    /** Runs and turns the result into table rows. */
    public List<ResultRow> rows() {
        Result result = measure();
        double speedUp = result.sequentialMillis().median() / result.oursMillis().median();
        String shapeText = String.format("%d hosts × %d instances, %d ms per host call", shape.hosts(),
                shape.instancesPerHost(), shape.latency().toMillis());
        List<ResultRow> rows = new ArrayList<>();
        rows.add(ResultRow.compared("Fan-out listing: core (default parallelism " + UnmanagedInstances
                        .DEFAULT_LIST_PARALLELISM + ") vs one host after another",
                ResultRow.number(result.oursMillis().median(), 0) + " ms",
                ResultRow.number(result.sequentialMillis().median(), 0) + " ms", speedUp, "≥ 20×", speedUp >= 20,
                shapeText + "; medians of " + result.oursMillis().count() + " / " + result.sequentialMillis().count()
                        + " runs"));
        long deadline = shape.deadHostDeadline().toMillis();
        rows.add(ResultRow.reported("Fan-out listing with one dead host (deadline " + deadline + " ms)",
                ResultRow.number(result.withDeadHostMillis(), 0) + " ms total, dead host costs "
                        + ResultRow.number(result.deadHostCostMillis(), 0) + " ms",
                "dead host costs ≤ its deadline (+" + DEADLINE_SLACK.toMillis() + " ms timer slack)",
                result.deadHostReported() && result.deadHostCostMillis() <= deadline + DEADLINE_SLACK.toMillis(),
                "reported as unavailable: " + result.deadHostReported() + "; the other hosts' "
                        + result.instancesListed() + " instances listed"));
        return rows;
    }
}
