package dev.unmanaged.reliability.support;

import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.NicDescriptor;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.IpAssignment;
import dev.unmanaged.core.UnmanagedInstances;
import dev.unmanaged.tck.CatalogFixture;
import dev.unmanaged.tck.fake.InMemoryHypervisorProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * One fake hypervisor host, one store of a chosen kind behind a {@link FaultyStore}, and the facade over both,
 * with a fixed clock so that two runs of the same import write identical rows.
 */
public final class World implements AutoCloseable {
    public static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    public final InMemoryHypervisorProvider provider = new InMemoryHypervisorProvider();
    public final Host host;
    public final FaultyStore store;
    public final UnmanagedInstances instances;
    private final Stores.Opened opened;
    private final dev.unmanaged.api.inventory.Catalog catalog;
    private final List<String> macs = new ArrayList<>();

    private World(Stores.Opened opened, dev.unmanaged.api.inventory.Catalog catalog, String hostId) {
        this.opened = opened;
        this.catalog = catalog;
        this.store = new FaultyStore(opened.store());
        opened.commits().ifPresent(commits -> store.failCommitsWith(commits::failNextCommit));
        this.host = provider.addHost(hostId);
        this.instances = UnmanagedInstances.builder()
                .providers(provider)
                .store(store)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .hostDeadline(Duration.ofSeconds(20))
                .build();
    }

    /** A world on a new, empty store of {@code kind}. */
    public static World open(Stores.Kind kind) {
        return open(kind, CatalogFixture.catalog());
    }

    /** A world on a new store of {@code kind} seeded with {@code catalog}. */
    public static World open(Stores.Kind kind, dev.unmanaged.api.inventory.Catalog catalog) {
        return new World(Stores.open(kind, catalog), catalog, "host-1");
    }

    /**
     * A world whose {@link FaultyStore.Step#COMMIT} fails the store's real commit where it has one (H2, through
     * {@link CommitFailingDataSource}); see {@link Stores#openWithFailingCommits}.
     */
    public static World openWithFailingCommits(Stores.Kind kind) {
        var catalog = CatalogFixture.catalog();
        return new World(Stores.openWithFailingCommits(kind, catalog), catalog, "host-1");
    }

    /** How many real JDBC commits were failed (always 0 on a store without one). */
    public int realCommitsFailed() {
        return opened.commits().map(CommitFailingDataSource::commitsFailed).orElse(0);
    }

    /** The addresses the store holds reserved (see {@link Stores#reservations}). */
    public java.util.Set<String> reservations() {
        return Stores.reservations(opened.store(), catalog, macs);
    }

    /** Puts {@code instance} on the host, remembering its MACs for snapshots. */
    public InstanceDescriptor put(InstanceDescriptor instance) {
        instance.nics().forEach(n -> macs.add(n.mac()));
        return provider.putInstance(host.id(), instance);
    }

    /** Everything the store holds now. */
    public String snapshot() {
        return opened.snapshot(macs);
    }

    /**
     * A complete, valid import of {@code instance} for {@link CatalogFixture#ACME}: every NIC on the shared
     * network (the first with a fixed address {@code 10.0.0.<fixedIpSuffix>}, the others {@code auto}), every
     * disk in the images pool with the 20 GiB disk offering, the offering matching the instance's size.
     */
    public ImportRequest importRequest(InstanceDescriptor instance, int fixedIpSuffix) {
        return importRequest(instance, Integer.valueOf(fixedIpSuffix), "vm-" + instance.uuid().toString().substring(0, 8));
    }

    /**
     * As {@link #importRequest(InstanceDescriptor, int)} with a chosen display name; without a fixed address
     * suffix every NIC gets {@code auto}.
     */
    public ImportRequest importRequest(InstanceDescriptor instance, Integer fixedIpSuffix, String displayName) {
        var builder = ImportRequest.builder(host, instance.uuid().toString())
                .owner(CatalogFixture.ACME)
                .displayName(displayName)
                .offering(CatalogFixture.CUSTOM)
                .template(CatalogFixture.DEBIAN);
        boolean first = fixedIpSuffix != null;
        for (NicDescriptor nic : instance.nics()) {
            builder.network(nic.mac(), CatalogFixture.SHARED_NET);
            builder.ip(nic.mac(), first ? IpAssignment.fixed("10.0.0." + fixedIpSuffix) : IpAssignment.auto());
            first = false;
        }
        instance.disks().stream().filter(d -> d.isDisk()).forEach(d -> {
            builder.pool(d.deviceName(), CatalogFixture.IMAGES_POOL);
            builder.diskOffering(d.deviceName(), CatalogFixture.DISK_20G);
        });
        return builder.build();
    }

    @Override
    public void close() {
        instances.close();
        opened.close();
    }
}
