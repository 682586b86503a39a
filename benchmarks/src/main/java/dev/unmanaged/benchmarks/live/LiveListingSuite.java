package dev.unmanaged.benchmarks.live;

import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.benchmarks.ResultRow;
import dev.unmanaged.benchmarks.RunMode;
import dev.unmanaged.benchmarks.Samples;
import dev.unmanaged.kvm.KvmInstanceProvider;
import dev.unmanaged.tck.LiveServices;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;

/**
 * Lists real QEMU domains on the live libvirt daemon ({@code qemu:///system}, started by
 * {@code scripts/libvirt-live.sh start}) with our provider, and with what a shell-driven peer does:
 * {@code virsh list --all} and one {@code virsh dumpxml} per domain. The benchmark defines its own shut-off
 * domains (with qcow2 disks and a NIC) for the run and removes them afterwards; domains others have defined
 * on the daemon are listed too, by both.
 */
public final class LiveListingSuite {
    static final String URI = "qemu:///system";
    private static final String PREFIX = "bench-live-";
    private static final Path IMAGES = Path.of("/var/lib/libvirt/images");

    private LiveListingSuite() {
    }

    /** Measures, or reports why it could not (outside CI only: in CI a missing daemon fails the run). */
    public static List<ResultRow> run(RunMode mode) throws Exception {
        int domains = mode.smoke() ? 3 : 50;
        int runs = mode.smoke() ? 1 : 7;
        ResultRow notMeasured = notMeasured("List " + domains + " real QEMU domains (live daemon)");
        if (notMeasured != null) {
            return List.of(notMeasured);
        }
        List<String> defined = new ArrayList<>();
        Connect connect = new Connect(URI, false);
        try {
            String type = Files.exists(Path.of("/dev/kvm")) ? "kvm" : "qemu";
            for (int i = 0; i < domains; i++) {
                String name = String.format("%s%02d-%d", PREFIX, i, ProcessHandle.current().pid());
                Path image = IMAGES.resolve(name + ".qcow2");
                command(List.of("qemu-img", "create", "-q", "-f", "qcow2", image.toString(), "1G"));
                connect.domainDefineXML(domainXml(type, name, image, i)).free();
                defined.add(name);
            }
            Samples ours = new Samples();
            Samples virsh = new Samples();
            int listedByOurs = 0;
            int listedByVirsh = 0;
            try (KvmInstanceProvider provider = new KvmInstanceProvider()) {
                Host host = Host.kvm(URI);
                provider.listInstances(host);
                shellListing(URI);
                for (int run = 0; run < runs; run++) {
                    long start = System.nanoTime();
                    List<InstanceDescriptor> listed = provider.listInstances(host);
                    ours.add((System.nanoTime() - start) / 1e6);
                    listedByOurs = listed.size();
                    start = System.nanoTime();
                    listedByVirsh = shellListing(URI);
                    virsh.add((System.nanoTime() - start) / 1e6);
                }
                long ownListed = provider.listInstances(host).stream().filter(d -> d.name().startsWith(PREFIX))
                        .filter(d -> d.disks().stream().anyMatch(disk -> disk.capacityBytes() != null)).count();
                if (ownListed < domains) {
                    throw new IllegalStateException("our listing shows " + ownListed + " of the " + domains
                            + " defined domains with disk sizes");
                }
            }
            double speedUp = virsh.median() / ours.median();
            return List.of(ResultRow.compared("List " + domains + " real QEMU domains (live daemon): ours vs "
                            + "virsh list --all + virsh dumpxml each",
                    ResultRow.number(ours.median(), 1) + " ms", ResultRow.number(virsh.median(), 1) + " ms", speedUp,
                    "report", speedUp >= 1, String.format("%d / %d domains listed (ours / virsh; includes domains "
                            + "others defined), ours with state, persistence and disk sizes; medians of %d runs",
                            listedByOurs, listedByVirsh, ours.count())));
        } finally {
            cleanUp(connect, defined);
            connect.close();
        }
    }

    private static String domainXml(String type, String name, Path image, int index) {
        return "<domain type='" + type + "'><name>" + name + "</name>"
                + "<memory unit='MiB'>64</memory><vcpu>1</vcpu>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type><boot dev='hd'/></os>"
                + "<devices><disk type='file' device='disk'><driver name='qemu' type='qcow2'/>"
                + "<source file='" + image + "'/><target dev='vda' bus='virtio'/></disk>"
                + String.format("<interface type='user'><mac address='52:54:00:be:%02x:%02x'/>", index >> 8 & 0xff,
                index & 0xff)
                + "<model type='virtio'/></interface><graphics type='vnc' port='-1' autoport='yes'/></devices>"
                + "</domain>";
    }

    /**
     * The shell peer on the daemon at {@code uri}: list every domain's name, then dump each one's XML. Returns
     * how many it dumped.
     */
    static int shellListing(String uri) throws IOException, InterruptedException {
        String names = command(List.of("virsh", "-c", uri, "list", "--all", "--name"));
        int dumped = 0;
        for (String name : names.split("\n")) {
            if (!name.isBlank()) {
                try {
                    command(List.of("virsh", "-c", uri, "dumpxml", name.strip()));
                    dumped++;
                } catch (IllegalStateException vanished) {
                    // Another user's domain went away between the two calls; the peer would skip it too.
                }
            }
        }
        return dumped;
    }

    static String command(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: "
                    + new String(output, StandardCharsets.UTF_8).strip());
        }
        return new String(output, StandardCharsets.UTF_8);
    }

    /**
     * Null when the daemon can be used; else the row saying why {@code benchmark} was not measured (outside CI
     * only: in CI a missing daemon fails the run).
     */
    static ResultRow notMeasured(String benchmark) {
        String problem = daemonProblem();
        boolean liveSkipped = LiveServices.skipped();
        if (problem == null && !liveSkipped) {
            return null;
        }
        if (LiveServices.inCi()) {
            throw new IllegalStateException("the live libvirt daemon is not usable in CI: " + problem);
        }
        return ResultRow.reported(benchmark, "not measured", "report", null, liveSkipped
                ? "skipped (-Dlive.skip=true)" : problem + "; start it with bash scripts/libvirt-live.sh start");
    }

    /** Null when the daemon answers and virsh and qemu-img exist, else why not. */
    private static String daemonProblem() {
        try {
            command(List.of("qemu-img", "--version"));
            command(List.of("virsh", "-c", URI, "version"));
            return null;
        } catch (IOException | IllegalStateException e) {
            return "no usable libvirt daemon at " + URI + " (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static void cleanUp(Connect connect, List<String> names) {
        try {
            for (String name : names) {
                try {
                    Domain domain = connect.domainLookupByName(name);
                    domain.undefine();
                    domain.free();
                } catch (LibvirtException e) {
                    System.err.println("could not undefine " + name + ": " + e.getMessage());
                }
                Files.deleteIfExists(IMAGES.resolve(name + ".qcow2"));
            }
        } catch (IOException e) {
            System.err.println("could not remove the benchmark's disk images: " + e.getMessage());
        }
    }
}
