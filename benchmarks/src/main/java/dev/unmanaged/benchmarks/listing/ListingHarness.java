package dev.unmanaged.benchmarks.listing;

import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.benchmarks.HeapMeter;
import dev.unmanaged.benchmarks.ProjectPaths;
import dev.unmanaged.benchmarks.ResultRow;
import dev.unmanaged.benchmarks.Samples;
import dev.unmanaged.kvm.KvmInstanceProvider;
import dev.unmanaged.kvm.KvmProviderOptions;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.libvirt.LibvirtException;

/**
 * Lists one generated test-driver host with our KVM provider (descriptors with power state, persistence and
 * disk sizes) and with the bare libvirt loop, alternating the two in the same process, and measures the heap a
 * listing holds per instance.
 */
public final class ListingHarness {
    /** What one host size gave. */
    public record Result(int domains, int disks, Samples oursMillis, Samples bareMillis, long bytesPerInstance,
                         int listedByOurs, long withDiskSizes) {
        /** The bare loop's median time over ours: above 1 means ours is faster. */
        public double speedUp() {
            return bareMillis.median() / oursMillis.median();
        }
    }

    private final int warmups;
    private final long minimumWarmupNanos;
    private final int runs;

    /**
     * @param warmups       listings of each kind before measuring, at least
     * @param minimumWarmup seconds of warm-up listings, at least (so that a small host is not measured while
     *                      the JIT compiler is still at work)
     * @param runs          measured listings of each kind
     */
    public ListingHarness(int warmups, int minimumWarmup, int runs) {
        this.warmups = warmups;
        this.minimumWarmupNanos = minimumWarmup * 1_000_000_000L;
        this.runs = runs;
    }

    /** Generates a host of {@code domains} domains and measures it. */
    public Result measure(int domains) throws LibvirtException {
        Path node = ProjectPaths.scratch("listing").resolve("node-" + domains + ".xml");
        NodeFileGenerator.Stats generated = new NodeFileGenerator(domains, 42).write(node);
        String uri = "test://" + node;
        Host host = new Host("bench-" + domains, "kvm", uri);
        Samples ours = new Samples();
        Samples bare = new Samples();
        int listed;
        long sized;
        try (KvmInstanceProvider provider = new KvmInstanceProvider(
                KvmProviderOptions.builder().testDriverAllowed(true).build());
             BareLibvirtListing loop = new BareLibvirtListing(uri)) {
            if (loop.domainCount() != domains) {
                throw new IllegalStateException("the test driver holds " + loop.domainCount() + " domains, expected "
                        + domains);
            }
            List<InstanceDescriptor> first = provider.listInstances(host);
            listed = first.size();
            sized = first.stream().flatMap(d -> d.disks().stream()).filter(d -> d.capacityBytes() != null).count();
            long warmupStart = System.nanoTime();
            for (int i = 0; i < warmups || System.nanoTime() - warmupStart < minimumWarmupNanos; i++) {
                provider.listInstances(host);
                loop.listAndFetchDefinitions();
            }
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                List<InstanceDescriptor> listing = provider.listInstances(host);
                ours.add((System.nanoTime() - start) / 1e6);
                Reference.reachabilityFence(listing);
                start = System.nanoTime();
                loop.listAndFetchDefinitions();
                bare.add((System.nanoTime() - start) / 1e6);
            }
            return new Result(domains, generated.disks(), ours, bare, bytesPerInstance(provider, host), listed, sized);
        }
    }

    /** Heap held by one listing's descriptors, per descriptor. */
    private static long bytesPerInstance(KvmInstanceProvider provider, Host host) {
        long before = HeapMeter.settledHeapBytes();
        List<InstanceDescriptor> held = provider.listInstances(host);
        long after = HeapMeter.settledHeapBytes();
        Reference.reachabilityFence(held);
        return (after - before) / held.size();
    }

    /** Measures every size and turns the results into table rows. */
    public List<ResultRow> rows(int... sizes) throws LibvirtException {
        List<ResultRow> rows = new ArrayList<>();
        for (int size : sizes) {
            Result result = measure(size);
            if (result.listedByOurs() != size) {
                throw new IllegalStateException("our listing returned " + result.listedByOurs() + " of " + size
                        + " domains");
            }
            double oursPerBare = result.oursMillis().median() / result.bareMillis().median();
            rows.add(ResultRow.compared(
                    String.format("List one host, %,d domains (test driver)", size),
                    ResultRow.number(result.oursMillis().median(), 1) + " ms",
                    ResultRow.number(result.bareMillis().median(), 1) + " ms",
                    result.speedUp(), "ours ≤ 1.5× bare (ratio ≥ 0.67×)", oursPerBare <= 1.5,
                    String.format("%,d disks, %,d with sizes; median of %d runs", result.disks(),
                            result.withDiskSizes(), result.oursMillis().count())));
            rows.add(ResultRow.reported(String.format("Heap per listed instance, %,d domains", size),
                    String.format("%,d bytes", result.bytesPerInstance()), "linear in the domain count", null,
                    "retained heap of one listing / domains"));
        }
        return rows;
    }
}
