package dev.unmanaged.kvm;

import dev.unmanaged.api.error.AccessDeniedException;
import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.error.ProviderFailureException;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.InstanceUuids;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.api.spi.HostChangeFeed;
import dev.unmanaged.api.spi.HostChangeListener;
import dev.unmanaged.api.spi.HypervisorInstanceProvider;
import dev.unmanaged.api.spi.ListingDetail;
import dev.unmanaged.api.spi.ProviderCapability;
import dev.unmanaged.api.spi.UnmanagePreparation;
import dev.unmanaged.api.text.SafeText;
import dev.unmanaged.kvm.xml.DomainXmlParser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;

/**
 * The KVM provider: lists, describes and prepares libvirt domains on hosts reached at any libvirt URI
 * ({@link Host#address()}, e.g. {@code qemu:///system}, {@code qemu+ssh://root@h1/system},
 * {@code qemu+tls://h1/system}, and, when enabled, {@code test:///path/node.xml}).
 *
 * <p>One connection per host is opened on first use and shared by all threads; a dropped connection is
 * reopened on the next call. Listing asks only for the plain definition, never for the secure one, so
 * graphics passwords are never read. Preparing a transient domain for unmanage defines it persistently from
 * its live secure definition, handed straight from libvirt back to libvirt.
 *
 * <p>The public no-argument constructor (used by {@link java.util.ServiceLoader}) opens read-write connections
 * without credentials and refuses libvirt's test driver ({@code test:} URIs, see
 * {@link KvmProviderOptions#testDriverAllowed()}); use {@link #KvmInstanceProvider(KvmProviderOptions)} for
 * anything else.
 */
public final class KvmInstanceProvider implements HypervisorInstanceProvider {
    /** The hypervisor kind served. */
    public static final String HYPERVISOR = "kvm";

    /** Flags of the one secure read: the live definition with secrets, as libvirt accepts it back. */
    private static final int LIVE_SECURE_DEFINITION = Domain.XMLFlags.SECURE | Domain.XMLFlags.MIGRATABLE;

    private final KvmProviderOptions options;
    private final HostCalls calls;
    private final DomainDescriber describer;
    private final ExecutorService readHelpers = Executors.newCachedThreadPool(new DaemonThreads("unmanaged-kvm-read-"));
    private final ParallelDomainListing parallelListing;
    private final Set<HostChangeFeed> feeds = ConcurrentHashMap.newKeySet();
    private final AtomicInteger watchConnections = new AtomicInteger();

    /** A provider with {@link KvmProviderOptions#defaults()}. */
    public KvmInstanceProvider() {
        this(KvmProviderOptions.defaults());
    }

    /** A provider with the given connection options. */
    public KvmInstanceProvider(KvmProviderOptions options) {
        this(options, DomainXmlParser.shared()::parse);
    }

    KvmInstanceProvider(KvmProviderOptions options, DefinitionParser parser) {
        this.options = Objects.requireNonNull(options, "options");
        this.calls = new HostCalls(options);
        this.describer = new DomainDescriber(Objects.requireNonNull(parser, "parser"));
        this.parallelListing = new ParallelDomainListing(describer, options.readParallelism(), readHelpers);
    }

    @Override
    public String hypervisor() {
        return HYPERVISOR;
    }

    /**
     * Transient instances, pause, guest suspend, disk sizes, watching (libvirt's domain events) and guest
     * addresses. Not {@link ProviderCapability#GRAPHICS}: consoles
     * are listed, but whether one has a password is only in the secure definition, which listing never reads,
     * so {@link dev.unmanaged.api.instance.GraphicsDescriptor#passwordSet()} is always false.
     */
    @Override
    public Set<ProviderCapability> capabilities() {
        return EnumSet.of(ProviderCapability.TRANSIENT_INSTANCES, ProviderCapability.PAUSE, ProviderCapability.SUSPEND,
                ProviderCapability.DISK_SIZES, ProviderCapability.WATCH, ProviderCapability.GUEST_ADDRESSES);
    }

    /** The options this provider connects with. */
    public KvmProviderOptions options() {
        return options;
    }

    @Override
    public List<InstanceDescriptor> listInstances(Host host) {
        return listInstances(host, Set.of());
    }

    /**
     * With {@link ListingDetail#GUEST_ADDRESSES}, each running domain's addresses are read after the listing, one
     * domain after another, as {@link GuestAddresses} describes: a call or more per running domain. With
     * {@link ListingDetail#STORAGE}, each domain's snapshots, block jobs and disk pools are read with its
     * definition, as {@link StorageDetails} describes: a few calls per domain. Backing chains come with the bulk
     * stats, and the disks domains share are found among the listed definitions, in every listing.
     */
    @Override
    public List<InstanceDescriptor> listInstances(Host host, Set<ListingDetail> details) {
        requireServed(host);
        boolean guestAddresses = details.contains(ListingDetail.GUEST_ADDRESSES);
        boolean storage = details.contains(ListingDetail.STORAGE);
        return calls.run(host, "listing domains", null, connect -> {
            // One call for active and inactive domains, so none is missed while it changes state; then the
            // state, persistence and disk sizes of all of them in two more, so each domain costs one call.
            Domain[] domains = connect.listAllDomains(0);
            List<InstanceDescriptor> listed;
            try {
                BulkDomainFacts bulk = BulkDomainFacts.read(connect, host.id());
                listed = new ArrayList<>(SharedDisks.among(
                        parallelListing.readAll(connect, domains, host.id(), bulk, storage)));
                if (guestAddresses) {
                    listed = withGuestAddresses(connect, domains, listed);
                }
            } finally {
                free(domains);
            }
            listed.sort(Comparator.comparing(InstanceDescriptor::name));
            return List.copyOf(listed);
        });
    }

    @Override
    public InstanceDescriptor describeInstance(Host host, String nameOrUuid) {
        requireServed(host);
        if (nameOrUuid == null || nameOrUuid.isBlank()) {
            throw new InvalidRequestException("nameOrUuid", String.valueOf(nameOrUuid),
                    "a domain UUID or name that is not blank");
        }
        return calls.run(host, "describing domain '" + nameOrUuid + "'", nameOrUuid, connect -> {
            Domain domain = lookup(connect, nameOrUuid);
            try {
                Optional<InstanceDescriptor> described = describer.read(connect, domain, host.id());
                if (described.isPresent()) {
                    described = withGuestAddresses(connect, domain,
                            SharedDisks.of(connect, described.get(), describer));
                }
                return described.orElseThrow(
                        () -> new dev.unmanaged.api.error.InstanceNotFoundException(nameOrUuid, host.id()));
            } finally {
                free(domain);
            }
        });
    }

    /**
     * Watches the host through libvirt's domain lifecycle events, on a connection of the watch's own; the events
     * of every watch in the process are delivered by one event-loop thread. Each event is turned into a fresh
     * descriptor of its domain. A dropped connection is reported, reopened with a growing pause, and followed by
     * a full listing.
     */
    @Override
    public HostChangeFeed watchHost(Host host, HostChangeListener listener) {
        requireServed(host);
        Objects.requireNonNull(listener, "listener");
        var feed = new DomainEventFeed(host, this, listener,
                new HostConnection(host.address(), options, watchConnections)).start();
        HostChangeFeed handle = new HostChangeFeed() {
            @Override
            public void close() {
                feeds.remove(this);
                feed.close();
            }
        };
        feeds.add(handle);
        return handle;
    }

    /** The listed descriptors with their guests' addresses; a domain that vanished meanwhile is left out. */
    private static List<InstanceDescriptor> withGuestAddresses(Connect connect, Domain[] domains,
                                                               List<InstanceDescriptor> listed)
            throws LibvirtException {
        Map<String, Domain> byName = new HashMap<>();
        for (Domain domain : domains) {
            byName.put(domain.getName(), domain);
        }
        List<InstanceDescriptor> read = new ArrayList<>();
        for (InstanceDescriptor descriptor : listed) {
            Domain domain = byName.get(descriptor.name());
            if (domain == null) {
                read.add(descriptor);
            } else {
                withGuestAddresses(connect, domain, descriptor).ifPresent(read::add);
            }
        }
        return read;
    }

    private static Optional<InstanceDescriptor> withGuestAddresses(Connect connect, Domain domain,
                                                                   InstanceDescriptor descriptor)
            throws LibvirtException {
        try {
            return Optional.of(GuestAddresses.read(connect, domain, descriptor));
        } catch (DomainVanished vanished) {
            return Optional.empty();
        }
    }

    @Override
    public boolean readOnly() {
        return options.readOnly();
    }

    @Override
    public UnmanagePreparation prepareForUnmanage(Host host, UUID uuid) {
        requireServed(host);
        Objects.requireNonNull(uuid, "uuid");
        String operation = "preparing domain " + uuid + " for unmanage";
        return calls.run(host, operation, uuid.toString(), connect -> {
            Domain domain = connect.domainLookupByUUIDString(uuid.toString());
            PowerState state;
            try {
                state = PowerStates.of(domain.getInfo().state);
                if (domain.isPersistent() == 1) {
                    return new UnmanagePreparation(uuid, false, state);
                }
                if (options.readOnly()) {
                    throw new AccessDeniedException("host " + host.id() + ": domain " + uuid + " is transient; "
                            + "defining it persistently needs a read-write connection, and this provider was "
                            + "built read-only", null);
                }
                defineFromLiveDefinition(connect, domain, host, operation, uuid);
            } finally {
                free(domain);
            }
            verifyPersistent(connect, host, uuid);
            return new UnmanagePreparation(uuid, true, state);
        });
    }

    /**
     * Defines the domain from its live secure definition. The document goes from libvirt straight back to
     * libvirt: it is never parsed, stored, logged, or quoted in an error, so passwords in it stay intact.
     */
    private static void defineFromLiveDefinition(Connect connect, Domain domain, Host host, String operation,
                                                 UUID uuid) {
        try {
            connect.domainDefineXML(domain.getXMLDesc(LIVE_SECURE_DEFINITION)).free();
        } catch (LibvirtException e) {
            throw LibvirtErrors.mapWithoutDetail(e, host.id(), operation, uuid.toString());
        }
    }

    private static void verifyPersistent(Connect connect, Host host, UUID uuid) throws LibvirtException {
        Domain defined = connect.domainLookupByUUIDString(uuid.toString());
        try {
            if (defined.isPersistent() != 1) {
                throw new ProviderFailureException("host " + host.id() + ": domain " + uuid
                        + " is still transient after it was defined from its live definition", null);
            }
        } finally {
            free(defined);
        }
    }

    /** The domain with that UUID, else the one with that name (a name may look like a UUID). */
    private static Domain lookup(Connect connect, String nameOrUuid) throws LibvirtException {
        Optional<UUID> uuid = InstanceUuids.parse(nameOrUuid);
        if (uuid.isPresent()) {
            try {
                return connect.domainLookupByUUIDString(uuid.get().toString());
            } catch (LibvirtException e) {
                if (!LibvirtErrors.isNoDomain(e)) {
                    throw e;
                }
            }
        }
        return connect.domainLookupByName(nameOrUuid);
    }

    private void requireServed(Host host) {
        Objects.requireNonNull(host, "host");
        if (!HYPERVISOR.equals(host.hypervisor())) {
            throw new InvalidRequestException("host.hypervisor", host.hypervisor(), "'" + HYPERVISOR + "'");
        }
        if (host.address().isBlank()) {
            throw new InvalidRequestException("host.address", host.address(),
                    "a libvirt URI such as qemu:///system or qemu+ssh://user@host/system");
        }
        if (!options.testDriverAllowed() && TestDriverUri.isTestDriver(host.address())) {
            throw new InvalidRequestException("host.address", SafeText.host(host.address()),
                    "the URI of a hypervisor such as qemu:///system; libvirt's test driver (test:) is a development"
                            + " aid and is refused unless the provider is built with"
                            + " KvmProviderOptions.builder().testDriverAllowed(true)");
        }
    }

    static void free(Domain... domains) {
        for (Domain domain : domains) {
            try {
                domain.free();
            } catch (LibvirtException ignored) {
                // Freeing only drops our reference; nothing to report.
            }
        }
    }

    /** Connections opened so far, counting reconnects. */
    int openedConnections() {
        return calls.openedConnections();
    }

    /** The connection now open to {@code host}, null when none is. */
    Connect currentConnection(Host host) {
        return calls.currentConnection(host);
    }

    /** Closes every connection once the calls using it finish; later calls fail. */
    @Override
    public void close() {
        List.copyOf(feeds).forEach(HostChangeFeed::close);
        calls.close();
        readHelpers.shutdown();
    }
}
