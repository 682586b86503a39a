package dev.unmanaged.inventory.jdbc;

import dev.unmanaged.api.error.ImportRejectedException;
import dev.unmanaged.api.error.UnmanagedException;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.operation.BulkOutcome;
import dev.unmanaged.api.operation.BulkResult;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.ImportResult;
import dev.unmanaged.api.operation.IpAssignment;
import dev.unmanaged.api.operation.Problem;
import dev.unmanaged.core.InstanceEvent;
import dev.unmanaged.core.UnmanagedInstances;
import dev.unmanaged.tck.fake.InMemoryHypervisorProvider;
import dev.unmanaged.tck.fake.InstanceDescriptors;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A management node in its own JVM: bulk-imports the same {@code count} instances of one host into the inventory
 * at a JDBC URL through the core workflows, as another node may be doing at the same time.
 *
 * <p>Arguments: {@code jdbcUrl count hostLatencyMillis}. Prints {@code READY} once the store is open and waits
 * for a line on standard input, so that several workers can start importing at the same moment; then prints
 * {@code IMPORTED <uuid>} as each import commits, one {@code OUTCOME <uuid> <status> <detail>} line per instance,
 * and {@code DONE}.
 */
public final class ImportWorker {
    static final String HOST_ID = "kvm-shared-1";
    static final String NETWORK = "guest";
    static final String POOL = "local-images";

    private ImportWorker() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int count = Integer.parseInt(args[1]);
        Duration latency = Duration.ofMillis(Long.parseLong(args[2]));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

        InMemoryHypervisorProvider provider = new InMemoryHypervisorProvider("kvm");
        provider.addHost(HOST_ID);
        provider.setLatency(HOST_ID, latency);
        List<ImportRequest> requests = putInstances(provider, count);

        try (JdbcInventoryStore store = JdbcInventoryStore.open(url);
             UnmanagedInstances unmanaged = UnmanagedInstances.builder()
                     .providers(provider)
                     .store(store)
                     .bulkConcurrency(4)
                     .listener(event -> {
                         if (event instanceof InstanceEvent.Imported imported) {
                             out.println("IMPORTED " + imported.instance().uuid());
                         }
                     })
                     .build()) {
            out.println("READY");
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            BulkResult<ImportResult> result = unmanaged.importAll(requests);
            for (BulkOutcome<ImportResult> outcome : result.outcomes()) {
                String detail = outcome.status() == BulkOutcome.Status.SUCCEEDED
                        ? (outcome.result().alreadyExisted() ? "already-done" : "imported")
                        : outcome.error() == null ? "cancelled" : describe(outcome.error());
                out.println("OUTCOME " + outcome.key() + " " + outcome.status() + " " + detail);
            }
        }
        out.println("DONE");
    }

    /**
     * Puts the first {@code count} instances on the provider's host {@link #HOST_ID} (which must exist) and
     * returns a request for each: owner {@code acme}, offering {@code small}, an automatic IP on {@link #NETWORK},
     * the disk on {@link #POOL} with a 20 GiB disk offering.
     */
    static List<ImportRequest> putInstances(InMemoryHypervisorProvider provider, int count) {
        Host host = provider.host(HOST_ID);
        List<ImportRequest> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            InstanceDescriptor instance = provider.putInstance(HOST_ID, descriptor(i));
            String mac = instance.nics().get(0).mac();
            requests.add(ImportRequest.builder(host, instance.uuid().toString())
                    .owner("acme").offering("small").template("debian-12")
                    .network(mac, NETWORK).ip(mac, IpAssignment.auto())
                    .pool("vda", POOL).diskOffering("vda", "disk-20g")
                    .build());
        }
        return requests;
    }

    /** The error's code, with the codes of the blocking problems when the import was rejected. */
    private static String describe(UnmanagedException error) {
        if (error instanceof ImportRejectedException rejected) {
            return error.code().name() + ":" + rejected.problems().stream().filter(Problem::blocks)
                    .map(p -> p.code().name()).sorted().collect(Collectors.joining(","));
        }
        return error.code().name();
    }

    /** The i-th instance: the same UUID, name, MAC and disk in every process. */
    static InstanceDescriptor descriptor(int i) {
        String name = "vm-" + i;
        return InstanceDescriptors.named(name)
                .uuid(uuidOf(i))
                .hostId(HOST_ID)
                .hypervisor("kvm")
                .vcpus(1)
                .memoryMib(1024)
                .disk(InstanceDescriptors.fileDisk("vda", "/var/lib/libvirt/images/" + name + ".qcow2",
                        10 * InstanceDescriptors.GIB))
                .nic(InstanceDescriptors.bridgeNic(macOf(i), "br0"))
                .build();
    }

    static UUID uuidOf(int i) {
        return UUID.nameUUIDFromBytes(("shared-instance-" + i).getBytes(StandardCharsets.UTF_8));
    }

    static String macOf(int i) {
        return String.format("52:54:00:7e:%02x:%02x", (i >> 8) & 0xff, i & 0xff);
    }
}
