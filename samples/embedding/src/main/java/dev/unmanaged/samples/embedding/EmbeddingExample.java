package dev.unmanaged.samples.embedding;

import dev.unmanaged.api.error.ImportRejectedException;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.inventory.AddressRange;
import dev.unmanaged.api.inventory.Catalog;
import dev.unmanaged.api.inventory.ComputeOffering;
import dev.unmanaged.api.inventory.DiskOffering;
import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.inventory.Network;
import dev.unmanaged.api.inventory.Owner;
import dev.unmanaged.api.inventory.StoragePool;
import dev.unmanaged.api.operation.ImportPlan;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.ImportResult;
import dev.unmanaged.api.operation.InstanceListing;
import dev.unmanaged.api.operation.IpAssignment;
import dev.unmanaged.api.operation.ListQuery;
import dev.unmanaged.api.operation.Problem;
import dev.unmanaged.api.operation.ProblemCode;
import dev.unmanaged.api.operation.UnmanageRequest;
import dev.unmanaged.api.operation.UnmanageResult;
import dev.unmanaged.core.ProviderRegistry;
import dev.unmanaged.core.UnmanagedInstances;
import dev.unmanaged.kvm.KvmInstanceProvider;
import dev.unmanaged.kvm.KvmProviderOptions;
import dev.unmanaged.tck.fake.InMemoryInventoryStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * How an orchestrator embeds Unmanaged, step by step: find the hypervisor providers, hand the library your own
 * inventory store, list what you do not manage yet, plan an import (a dry run that reports every problem at
 * once), import, and let go again.
 *
 * <p>Run it with a libvirt URI ({@code qemu+ssh://root@kvm1/system}), or without one to use the sample host
 * shipped with it (libvirt's in-process test driver; only the libvirt0 library is needed).
 */
public final class EmbeddingExample {
    private static final String SAMPLE_HOST = "sample-host.xml";

    private EmbeddingExample() {
    }

    /** What the walk through saw, step by step. */
    public record Walkthrough(List<String> unmanagedAtStart, List<ProblemCode> firstPlanProblems,
                              ManagedInstance imported, List<String> unmanagedAfterImport,
                              UnmanageResult released, List<String> unmanagedAtEnd) {
    }

    /** Runs the walk through against the host in {@code args[0]}, or against the sample host. */
    public static void main(String[] args) throws IOException {
        String uri = args.length > 0 ? args[0] : "test://" + extractSampleHost();
        run(uri, System.out);
    }

    /** Runs the walk through against the libvirt host at {@code libvirtUri}, telling {@code out} what happens. */
    public static Walkthrough run(String libvirtUri, PrintStream out) {
        // 1. Providers. ProviderRegistry.load(configured) takes the providers you build with options of your own
        //    and asks java.util.ServiceLoader for every other HypervisorInstanceProvider on the class path, so
        //    another hypervisor's provider plugs in without code. The KVM provider is built here because the
        //    sample host runs on libvirt's test driver, which it refuses unless told otherwise (a test: URI
        //    makes libvirt read any file; never enable it for addresses users type). A provider that fails to
        //    load is reported in registry.failures() and does not stop the others.
        // 2. Your inventory. An orchestrator already has one (tables of VMs, networks, IP reservations) and embeds
        //    Unmanaged by writing an InventoryStore over it that keeps three promises: a unit of work is committed
        //    whole or not at all; an instance is managed once and a MAC or an IP reserved once per network, with
        //    conflicts reported as typed errors (AlreadyManagedException, AddressInUseException); and it is safe
        //    to call from several threads (bulk imports do). InventoryStoreContract, the conformance kit's store
        //    tests, checks them; the JDBC store gets them from database constraints and transactions. Here the
        //    kit's in-memory reference store stands in for the orchestrator's tables; its catalog (owners,
        //    offerings, networks, pools) is what an import maps onto.
        // 3. The facade. It owns a few threads (host fan-out, deadlines, bulk work): close it when done. The store
        //    and the providers stay yours to close.
        KvmProviderOptions kvmOptions = KvmProviderOptions.builder()
                .testDriverAllowed(libvirtUri.startsWith("test:"))
                .build();
        try (ProviderRegistry providers = ProviderRegistry.load(List.of(new KvmInstanceProvider(kvmOptions)));
             InMemoryInventoryStore inventory = new InMemoryInventoryStore(orchestratorCatalog());
             UnmanagedInstances instances = UnmanagedInstances.builder()
                     .providers(providers)
                     .store(inventory)
                     .build()) {
            out.println("Providers found: " + providers.hypervisors());

            // A host is the orchestrator's id for it, the hypervisor kind (which picks the provider) and an address.
            Host host = new Host("kvm-sample-1", "kvm", libvirtUri);

            // 4. List. Instances the inventory already manages are left out. Listing several hosts asks them in
            //    parallel; one that fails is reported in listing.failures() while the others are still listed.
            List<String> atStart = names(instances.list(ListQuery.of(host)), out, "Unmanaged at start");

            // 5. Plan: a dry run. The instance is re-read live from its host and the request validated against
            //    the catalog; every problem comes back at once, each with a stable code a UI can act on. Nothing is
            //    written. This first request forgets the NIC's network and picks an offering that is too small.
            ImportRequest careless = ImportRequest.builder(host, "etl-worker")
                    .owner("data-team")
                    .offering("small")
                    .pool("vda", "images")
                    .pool("vdb", "images")
                    .dryRun(true)
                    .build();
            ImportPlan plan = instances.plan(careless);
            out.println("Plan for etl-worker: " + (plan.importable() ? "importable" : "blocked"));
            for (Problem problem : plan.problems()) {
                out.println("  " + problem.severity() + " " + problem.codeName() + " (" + problem.subject() + "): "
                        + problem.message());
            }

            // 6. Import, with the problems fixed: a custom offering takes the instance's own vCPUs and memory,
            //    the NIC is mapped onto a network by its MAC and gets a free address, each disk gets a pool and a
            //    disk offering. The record and the address reservations are written in one unit of work.
            ImportRequest request = ImportRequest.builder(host, "etl-worker")
                    .owner("data-team")
                    .offering("custom")
                    .network("52:54:00:5e:00:02", "backend")
                    .ip("52:54:00:5e:00:02", IpAssignment.auto())
                    .pool("vda", "images")
                    .pool("vdb", "images")
                    .diskOffering("vdb", "scratch-500g")
                    .build();
            ImportResult result;
            try {
                result = instances.importInstance(request);
            } catch (ImportRejectedException rejected) {
                // The same problems a plan would have shown; nothing was written.
                rejected.problems().forEach(p -> out.println("  " + p.codeName() + ": " + p.message()));
                throw rejected;
            }
            ManagedInstance imported = result.instance();
            out.println("Imported " + imported.name() + " as " + imported.uuid() + " with IP "
                    + imported.nics().get(0).ipAddress());

            // 7. It is managed now, so it is no longer listed as unmanaged.
            List<String> afterImport = names(instances.list(ListQuery.of(host)), out, "Unmanaged after import");

            // 8. Unmanage: the provider first makes sure the VM survives without the orchestrator (a transient
            //    domain is defined persistently from its live definition), then the record and its reservations
            //    leave the inventory. The VM keeps running throughout.
            UnmanageResult released = instances.unmanage(UnmanageRequest.of(imported.uuid()));
            out.println("Released " + released.released().name()
                    + (released.preparation().definedPersistently() ? "; it was transient and is now defined persistently"
                    : "; it was already persistent"));

            List<String> atEnd = names(instances.list(ListQuery.of(host)), out, "Unmanaged at end");
            return new Walkthrough(atStart, plan.problems().stream().map(Problem::code).toList(), imported,
                    afterImport, released, atEnd);
        }
    }

    /**
     * The orchestrator's catalog. A real orchestrator reads this from its own tables; these records are all the
     * library needs to know about owners, offerings, networks, pools and disk offerings.
     */
    static Catalog orchestratorCatalog() {
        long gib = 1024L * 1024 * 1024;
        return new Catalog(
                List.of(new Owner("data-team", "Data engineering")),
                List.of(ComputeOffering.fixed("small", "1 vCPU, 1 GiB", 1, gib),
                        ComputeOffering.custom("custom", "Custom (1-16 vCPUs, 1-64 GiB)", 1, 16, gib, 64 * gib)),
                List.of(new Network("backend", "Backend network", new AddressRange("10.50.0.10", "10.50.0.99"), null,
                        Set.of())),
                List.of(new StoragePool("images", "Local images", "/var/lib/libvirt/images", "default", Set.of())),
                List.of(new DiskOffering("scratch-500g", "Scratch, 500 GiB", 500 * gib, false, Set.of())),
                List.of());
    }

    private static List<String> names(InstanceListing listing, PrintStream out, String title) {
        listing.failures().forEach(f -> out.println("Host " + f.hostId() + " failed: " + f.error().getMessage()));
        List<String> names = listing.instances().stream().map(InstanceDescriptor::name).sorted().toList();
        out.println(title + ": " + names);
        return names;
    }

    /** The test driver needs an absolute path to a file, so the sample host is copied out of the jar. */
    static Path extractSampleHost() throws IOException {
        Path file = Files.createTempFile("unmanaged-sample-host", ".xml");
        file.toFile().deleteOnExit();
        try (InputStream in = EmbeddingExample.class.getResourceAsStream(SAMPLE_HOST)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException(SAMPLE_HOST + " is missing from the sample's jar"));
            }
            Files.write(file, in.readAllBytes());
        }
        return file.toAbsolutePath();
    }
}
