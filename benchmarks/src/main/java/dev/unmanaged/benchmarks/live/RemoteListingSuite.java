package dev.unmanaged.benchmarks.live;

import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.benchmarks.ResultRow;
import dev.unmanaged.benchmarks.RunMode;
import dev.unmanaged.benchmarks.Samples;
import dev.unmanaged.benchmarks.listing.BareLibvirtListing;
import dev.unmanaged.kvm.KvmInstanceProvider;
import dev.unmanaged.kvm.KvmProviderOptions;
import dev.unmanaged.tck.LibvirtSocketProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongSupplier;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;

/**
 * Lists the live daemon as a host across a network: through a {@link LibvirtSocketProxy} that holds every chunk
 * 1 ms in each direction (a 2 ms round trip) and counts libvirt's RPC calls. The benchmark defines 1,000
 * shut-off domains with a qcow2 disk each under its own name prefix and removes them afterwards. Ours
 * ({@link KvmInstanceProvider} with its default read parallelism) runs beside the bare libvirt-java loop
 * ({@link BareLibvirtListing}: {@code listAllDomains} and one {@code getXMLDesc} per domain) and the shell peer
 * ({@code virsh list --all} and one {@code virsh dumpxml} per domain), all over the same proxy.
 */
public final class RemoteListingSuite {
    private static final long ONE_WAY_DELAY_NANOS = 1_000_000;
    private static final Path IMAGES = Path.of("/var/lib/libvirt/images");

    private RemoteListingSuite() {
    }

    /** Measures, or reports why it could not. */
    public static List<ResultRow> run(RunMode mode) throws Exception {
        int domains = mode.smoke() ? 5 : 1_000;
        int runs = mode.smoke() ? 1 : 7;
        String title = String.format("List %,d real QEMU domains over a 2 ms round trip (live daemon through a"
                + " delaying proxy)", domains);
        ResultRow notMeasured = LiveListingSuite.notMeasured(title);
        if (notMeasured != null) {
            return List.of(notMeasured);
        }
        String prefix = "bench-remote-" + ProcessHandle.current().pid() + "-";
        Connect connect = new Connect(LiveListingSuite.URI, false);
        try (LibvirtSocketProxy proxy = LibvirtSocketProxy.start(LibvirtSocketProxy.SYSTEM_SOCKET,
                ONE_WAY_DELAY_NANOS)) {
            define(connect, prefix, domains);
            return measure(proxy, title, domains, runs);
        } finally {
            cleanUp(connect, prefix);
            connect.close();
        }
    }

    private static List<ResultRow> measure(LibvirtSocketProxy proxy, String title, int domains, int runs)
            throws Exception {
        Host host = new Host("remote", "kvm", proxy.systemUri());
        Samples ours = new Samples();
        Samples bare = new Samples();
        Samples virsh = new Samples();
        int listed;
        double oursCalls;
        double bareCalls;
        double virshCalls;
        try (KvmInstanceProvider provider = new KvmInstanceProvider();
             BareLibvirtListing bareLoop = new BareLibvirtListing(proxy.systemUri())) {
            listed = provider.listInstances(host).size();
            bareLoop.listAndFetchDefinitions();
            oursCalls = callsOf(proxy, () -> provider.listInstances(host).size());
            bareCalls = callsOf(proxy, () -> {
                try {
                    return bareLoop.listAndFetchDefinitions();
                } catch (LibvirtException e) {
                    throw new IllegalStateException(e);
                }
            });
            for (int run = 0; run < runs; run++) {
                long start = System.nanoTime();
                List<InstanceDescriptor> found = provider.listInstances(host);
                ours.add((System.nanoTime() - start) / 1e6);
                listed = found.size();
                start = System.nanoTime();
                bareLoop.listAndFetchDefinitions();
                bare.add((System.nanoTime() - start) / 1e6);
            }
        }
        proxy.resetCounts();
        long start = System.nanoTime();
        int dumped = LiveListingSuite.shellListing(proxy.systemUri());
        virsh.add((System.nanoTime() - start) / 1e6);
        virshCalls = proxy.calls();

        String perDomain = String.format("round trips per listed domain: ours %s, bare loop %s, virsh %s",
                ResultRow.number(oursCalls / listed, 2), ResultRow.number(bareCalls / listed, 2),
                ResultRow.number(virshCalls / dumped, 2));
        String counts = String.format("%,d domains listed (%,d defined by the benchmark); default read parallelism"
                + " %d; medians of %d runs", listed, domains, KvmProviderOptions.defaults().readParallelism(),
                ours.count());
        return List.of(
                ResultRow.compared(title + ": ours vs the bare libvirt-java loop",
                        ResultRow.number(ours.median(), 0) + " ms", ResultRow.number(bare.median(), 0) + " ms",
                        bare.median() / ours.median(), "ours ≤ 1.5 s", ours.median() <= 1_500,
                        counts + "; the bare loop reads one domain after another, with no state, persistence or"
                                + " disk sizes; " + perDomain),
                ResultRow.compared(title + ": ours vs virsh list --all + virsh dumpxml each",
                        ResultRow.number(ours.median(), 0) + " ms", ResultRow.number(virsh.median(), 0) + " ms",
                        virsh.median() / ours.median(), "report", virsh.median() >= ours.median(),
                        String.format("virsh dumped %,d domains, one process and connection each; one run", dumped)),
                ResultRow.reported(String.format("Round trips per listed domain, %,d domains (live daemon through a"
                                + " counting proxy)", domains),
                        ResultRow.number(oursCalls / listed, 3) + " (" + (long) oursCalls + " calls for " + listed
                                + " domains)", "≤ 1.1 per domain + a constant per host",
                        oursCalls <= 1.1 * listed + 5, perDomain));
    }

    /** libvirt calls one run of {@code listing} sends through the proxy. */
    private static double callsOf(LibvirtSocketProxy proxy, LongSupplier listing) {
        proxy.resetCounts();
        listing.getAsLong();
        return proxy.calls();
    }

    private static void define(Connect connect, String prefix, int domains) throws Exception {
        Path template = IMAGES.resolve(prefix + "template.qcow2");
        LiveListingSuite.command(List.of("qemu-img", "create", "-q", "-f", "qcow2", template.toString(), "64M"));
        try {
            String type = Files.exists(Path.of("/dev/kvm")) ? "kvm" : "qemu";
            for (int i = 0; i < domains; i++) {
                String name = String.format("%s%04d", prefix, i);
                Path image = IMAGES.resolve(name + ".qcow2");
                Files.copy(template, image);
                connect.domainDefineXML("<domain type='" + type + "'><name>" + name + "</name>"
                        + "<memory unit='MiB'>64</memory><vcpu>1</vcpu>"
                        + "<os><type arch='x86_64' machine='pc'>hvm</type></os>"
                        + "<devices><disk type='file' device='disk'><driver name='qemu' type='qcow2'/>"
                        + "<source file='" + image + "'/><target dev='vda' bus='virtio'/></disk>"
                        + "<interface type='user'><model type='virtio'/></interface></devices></domain>").free();
            }
        } finally {
            Files.deleteIfExists(template);
        }
    }

    /** Undefines every domain under {@code prefix} and deletes its image, also after a failed run. */
    private static void cleanUp(Connect connect, String prefix) {
        try {
            for (String name : connect.listDefinedDomains()) {
                if (name.startsWith(prefix)) {
                    Domain domain = connect.domainLookupByName(name);
                    domain.undefine();
                    domain.free();
                }
            }
            try (var images = Files.list(IMAGES)) {
                for (Path image : images.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                    Files.deleteIfExists(image);
                }
            }
        } catch (Exception e) {
            System.err.println("could not remove every domain or image named " + prefix + "*: " + e.getMessage());
        }
    }
}
