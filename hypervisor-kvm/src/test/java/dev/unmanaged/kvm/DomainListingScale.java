package dev.unmanaged.kvm;

import dev.unmanaged.api.instance.Host;
import dev.unmanaged.tck.LibvirtSocketProxy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.libvirt.Connect;
import org.libvirt.Domain;

/**
 * A scale run, not a test: defines N shut-off domains on the live daemon ({@code scripts/libvirt-live.sh start}),
 * lists them at read parallelisms 1, 2, 4 and 8, directly and through a {@link LibvirtSocketProxy} that delays
 * each direction, prints the median and fastest listing, and removes the domains.
 *
 * <pre>java -cp &lt;test class path&gt; dev.unmanaged.kvm.DomainListingScale DOMAINS RUNS ONE_WAY_DELAY_MS</pre>
 */
public final class DomainListingScale {
    private static final Path IMAGE = Path.of("/var/lib/libvirt/images/unmanaged-live-scale.qcow2");

    private DomainListingScale() {
    }

    public static void main(String[] args) throws Exception {
        int domains = Integer.parseInt(args[0]);
        int runs = Integer.parseInt(args[1]);
        double delayMillis = Double.parseDouble(args[2]);
        Connect connect = new Connect(LiveDaemon.URI);
        try (LibvirtSocketProxy proxy = LibvirtSocketProxy.start(LibvirtSocketProxy.SYSTEM_SOCKET,
                (long) (delayMillis * 1_000_000))) {
            define(connect, domains);
            measure("local daemon", LiveDaemon.URI, runs);
            measure(delayMillis + " ms each way", proxy.systemUri(), runs);
        } finally {
            for (String name : connect.listDefinedDomains()) {
                if (name.startsWith("unmanaged-live-scale-")) {
                    connect.domainLookupByName(name).undefine();
                }
            }
            connect.close();
            Files.deleteIfExists(IMAGE);
        }
    }

    private static void define(Connect connect, int count) throws Exception {
        Process image = new ProcessBuilder("qemu-img", "create", "-q", "-f", "qcow2", IMAGE.toString(), "64M")
                .inheritIO().start();
        if (image.waitFor() != 0) {
            throw new IOException("qemu-img create failed");
        }
        for (int i = 0; i < count; i++) {
            Domain domain = connect.domainDefineXML("""
                    <domain type='qemu'><name>unmanaged-live-scale-%04d</name><memory unit='MiB'>64</memory>
                    <vcpu>1</vcpu><os><type arch='x86_64'>hvm</type></os><devices>
                    <disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='%s'/>
                    <target dev='vda' bus='virtio'/></disk><interface type='user'><model type='virtio'/></interface>
                    </devices></domain>""".formatted(i, IMAGE));
            domain.free();
        }
    }

    private static void measure(String link, String uri, int runs) {
        Host host = new Host("scale", "kvm", uri);
        for (int parallelism : new int[] {1, 2, 4, 8}) {
            try (KvmInstanceProvider provider = new KvmInstanceProvider(
                    KvmProviderOptions.builder().readParallelism(parallelism).build())) {
                int listed = 0;
                for (int warm = 0; warm < 2; warm++) {
                    listed = provider.listInstances(host).size();
                }
                long[] nanos = new long[runs];
                for (int run = 0; run < runs; run++) {
                    long start = System.nanoTime();
                    provider.listInstances(host);
                    nanos[run] = System.nanoTime() - start;
                }
                Arrays.sort(nanos);
                System.out.printf("%s: read parallelism %d, %d domains: median %.0f ms, fastest %.0f ms%n", link,
                        parallelism, listed, nanos[runs / 2] / 1e6, nanos[0] / 1e6);
            }
        }
    }
}
