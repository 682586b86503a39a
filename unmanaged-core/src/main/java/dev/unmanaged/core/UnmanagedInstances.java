package dev.unmanaged.core;

import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.mapping.ImportMap;
import dev.unmanaged.api.operation.BulkResult;
import dev.unmanaged.api.operation.FleetPlan;
import dev.unmanaged.api.operation.FleetRequest;
import dev.unmanaged.api.operation.ImportPlan;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.ImportResult;
import dev.unmanaged.api.operation.InstanceListing;
import dev.unmanaged.api.operation.ListQuery;
import dev.unmanaged.api.operation.ManagedListing;
import dev.unmanaged.api.operation.ManagedQuery;
import dev.unmanaged.api.operation.UnmanagePlan;
import dev.unmanaged.api.operation.UnmanageRequest;
import dev.unmanaged.api.operation.UnmanageResult;
import dev.unmanaged.api.spi.HypervisorInstanceProvider;
import dev.unmanaged.api.spi.ImportRule;
import dev.unmanaged.api.spi.InventoryStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What an orchestrator calls to adopt the virtual machines it does not manage, and to let go of ones it does.
 *
 * <pre>{@code
 * try (var instances = UnmanagedInstances.builder()
 *         .providers(ProviderRegistry.load())
 *         .store(myInventoryStore)
 *         .build()) {
 *     InstanceListing listing = instances.list(ListQuery.of(Host.kvm("qemu+ssh://root@h1/system")));
 *     ImportPlan plan = instances.plan(request);          // a dry run: every problem at once
 *     ImportResult imported = instances.importInstance(request);
 *     instances.unmanage(UnmanageRequest.of(imported.instance().uuid()));
 * }
 * }</pre>
 *
 * <p>Thread-safe. Every failure is a typed {@link dev.unmanaged.api.error.UnmanagedException}. Calls to a host
 * are bounded by a deadline ({@link Builder#hostDeadline}); a host that misses it is reported unavailable.
 * {@link #close()} stops the threads this object created; the store and the providers belong to the caller.
 */
public final class UnmanagedInstances implements AutoCloseable {
    /** Hosts listed at once by default. */
    public static final int DEFAULT_LIST_PARALLELISM = 32;
    /** Bulk items run at once by default. */
    public static final int DEFAULT_BULK_CONCURRENCY = 8;
    /** How long one host may take by default. */
    public static final Duration DEFAULT_HOST_DEADLINE = Duration.ofSeconds(30);
    /** How often a watch lists a host whose provider cannot push its changes, by default. */
    public static final Duration DEFAULT_WATCH_POLL_INTERVAL = Duration.ofSeconds(15);

    private final InstanceLister lister;
    private final ManagedLister managed;
    private final ImportWorkflow imports;
    private final FleetPlanner fleets;
    private final UnmanageWorkflow unmanages;
    private final BulkRunner bulk;
    private final Watcher watcher;
    private final ProviderRegistry providers;
    private final WorkflowContext context;
    private final List<ExecutorService> ownedExecutors;

    private UnmanagedInstances(Builder builder) {
        this.providers = Objects.requireNonNull(builder.providers, "providers: expected a ProviderRegistry");
        InventoryStore store = Objects.requireNonNull(builder.store, "store: expected an InventoryStore");
        Duration hostDeadline = builder.hostDeadline;
        var owned = new ArrayList<ExecutorService>();
        ExecutorService hostExecutor = builder.executor;
        if (hostExecutor == null) {
            hostExecutor = Executors.newCachedThreadPool(daemonThreads("unmanaged-host-"));
            owned.add(hostExecutor);
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemonThreads("unmanaged-deadline-"));
        owned.add(timer);
        // Bulk items wait on host calls; separate threads keep them from starving those calls on a small executor.
        ExecutorService bulkExecutor = Executors.newCachedThreadPool(daemonThreads("unmanaged-bulk-"));
        owned.add(bulkExecutor);
        this.ownedExecutors = List.copyOf(owned);

        var hostCalls = new ProviderCallsWithDeadline(hostExecutor, timer);
        var events = new EventDispatcher(builder.listeners);
        this.lister = new InstanceLister(providers, store, hostCalls, builder.listParallelism, hostDeadline);
        this.managed = new ManagedLister(store);
        this.context = new WorkflowContext(providers, store, hostCalls, hostDeadline, builder.clock, events);
        var rules = new ArrayList<ImportRule>(builder.rules);
        if (builder.ruleLoader != null) {
            rules.addAll(ImportRules.serviceLoaded(builder.ruleLoader));
        }
        var planner = new ImportPlanner(store, builder.clock, new ImportRules(rules));
        this.imports = new ImportWorkflow(context, planner);
        this.fleets = new FleetPlanner(lister, planner, store);
        this.unmanages = new UnmanageWorkflow(context);
        this.bulk = new BulkRunner(bulkExecutor, builder.bulkConcurrency);
        this.watcher = new Watcher(context, timer, builder.watchPollInterval);
    }

    /** A builder; {@link Builder#providers} and {@link Builder#store} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Lists the unmanaged instances of the query's hosts, asking them in parallel. Instances the store manages
     * are left out. A host that fails or misses its deadline appears in {@link InstanceListing#failures()} and
     * the others are still listed. The result is sorted by host id, then name, then paged.
     */
    public InstanceListing list(ListQuery query) {
        return lister.list(Objects.requireNonNull(query, "query"));
    }

    /**
     * Lists the managed inventory: the records this library imported (or the store holds), filtered and paged like
     * {@link #list(ListQuery)}, sorted by host id, then name, then UUID. Reads the store only; no host is asked.
     */
    public ManagedListing listManaged(ManagedQuery query) {
        return managed.list(Objects.requireNonNull(query, "query"));
    }

    /**
     * Describes one instance on a host, managed or not.
     *
     * @param nameOrUuid the instance's UUID (any letter case) or name
     * @throws dev.unmanaged.api.error.InstanceNotFoundException when the host has no such instance
     */
    public InstanceDescriptor describe(Host host, String nameOrUuid) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(nameOrUuid, "nameOrUuid");
        return context.onHost(host, "describing an instance", provider -> provider.describeInstance(host, nameOrUuid));
    }

    /**
     * A dry run: re-reads the instance from its host and validates the request, returning every problem at once.
     * Writes nothing.
     */
    public ImportPlan plan(ImportRequest request) {
        return imports.plan(Objects.requireNonNull(request, "request")).plan();
    }

    /**
     * A dry run as {@link #plan(ImportRequest)}, with every NIC, disk and the offering that the request leaves
     * open mapped by {@code map} (the first matching rule wins; what the request names itself is kept). A NIC or
     * disk no rule matches is reported unmapped. The map is not checked against the catalog here: see
     * {@link ImportMaps#requireKnownIds}.
     */
    public ImportPlan plan(ImportRequest request, ImportMap map) {
        return imports.plan(Objects.requireNonNull(request, "request"), Objects.requireNonNull(map, "map")).plan();
    }

    /**
     * Imports one instance: plans, refuses on any blocking problem, then writes the record and its MAC and IP
     * reservations in one unit of work. Repeating a request that already succeeded returns the existing record
     * with {@link ImportResult#alreadyExisted()} set.
     *
     * @throws dev.unmanaged.api.error.ImportRejectedException with every problem, when one blocks
     * @throws dev.unmanaged.api.error.AlreadyManagedException when the instance is managed under another request,
     *                                                         or another import of it won the race
     * @throws dev.unmanaged.api.error.InvalidRequestException for a dry-run request: use {@link #plan}
     */
    public ImportResult importInstance(ImportRequest request) {
        return imports.importInstance(Objects.requireNonNull(request, "request"));
    }

    /**
     * Releases a managed instance: its provider makes sure it survives on its own (a transient instance is
     * defined persistently), then its record and reservations leave the inventory. Safe to repeat after a failure.
     *
     * @throws dev.unmanaged.api.error.InstanceNotFoundException when nothing managed has that UUID or name
     * @throws dev.unmanaged.api.error.InvalidRequestException   when several managed instances have that name
     */
    public UnmanageResult unmanage(UnmanageRequest request) {
        return unmanages.unmanage(Objects.requireNonNull(request, "request"));
    }

    /**
     * A dry run of {@link #unmanage}: reads the instance from its host and says what would happen (whether it
     * would be defined persistently, its power state, the reservations released) and what blocks it (host
     * unreachable, instance gone from its host, a transient instance on a read-only provider). Writes nothing.
     *
     * @throws dev.unmanaged.api.error.InstanceNotFoundException when nothing managed has that UUID or name
     * @throws dev.unmanaged.api.error.InvalidRequestException   when several managed instances have that name
     */
    public UnmanagePlan planUnmanage(UnmanageRequest request) {
        return unmanages.plan(Objects.requireNonNull(request, "request"), false);
    }

    /**
     * A dry run of {@link #forget}: blocked while the instance is still present on a reachable host.
     *
     * @throws dev.unmanaged.api.error.InstanceNotFoundException when nothing managed has that UUID or name
     */
    public UnmanagePlan planForget(UnmanageRequest request) {
        return unmanages.plan(Objects.requireNonNull(request, "request"), true);
    }

    /**
     * Forgets a managed record whose instance or host is gone for good (a decommissioned host), which
     * {@link #unmanage} cannot release: the record and its reservations leave the inventory without the host
     * being asked to keep anything. Refuses while the instance is still present on a reachable host. Audited: logged
     * and published to listeners as {@link InstanceEvent.Forgotten}.
     *
     * @return the record removed
     * @throws dev.unmanaged.api.error.InvalidRequestException   while the instance is present on a reachable host
     * @throws dev.unmanaged.api.error.InstanceNotFoundException when nothing managed has that UUID or name
     */
    public ManagedInstance forget(UnmanageRequest request) {
        return unmanages.forget(Objects.requireNonNull(request, "request"));
    }

    /** Plans many unmanages (or, with {@code forget}, forgets) at most {@link Builder#bulkConcurrency} at once. */
    public BulkOperation<UnmanagePlan> planUnmanageAll(List<UnmanageRequest> requests, boolean forget,
                                                       BulkProgressListener<UnmanagePlan> progress) {
        return bulk.start(requests, UnmanageRequest::instance, request -> unmanages.plan(request, forget),
                Objects.requireNonNull(progress, "progress"));
    }

    /** Forgets many records, at most {@link Builder#bulkConcurrency} at once; see {@link #forget}. */
    public BulkOperation<ManagedInstance> forgetAll(List<UnmanageRequest> requests,
                                                    BulkProgressListener<ManagedInstance> progress) {
        return bulk.start(requests, UnmanageRequest::instance, unmanages::forget,
                Objects.requireNonNull(progress, "progress"));
    }

    /** Imports many instances, at most {@link Builder#bulkConcurrency} at once; see {@link BulkOperation}. */
    public BulkOperation<ImportResult> importAll(List<ImportRequest> requests,
                                                 BulkProgressListener<ImportResult> progress) {
        return bulk.start(requests, ImportRequest::instance, imports::importInstance,
                Objects.requireNonNull(progress, "progress"));
    }

    /** Imports many instances and waits for all of them. */
    public BulkResult<ImportResult> importAll(List<ImportRequest> requests) throws InterruptedException {
        return importAll(requests, BulkProgressListener.none()).await();
    }

    /**
     * Plans every unmanaged instance of the request's hosts under its map, in one call: the hosts are listed in
     * parallel, as {@link #list} does, and each instance gets one plan with every problem (a NIC or disk no rule
     * matches is reported unmapped). Writes nothing. A host that cannot be listed is in
     * {@link FleetPlan#failures()}; the others are still planned.
     *
     * @throws dev.unmanaged.api.error.InvalidRequestException when a rule of the map names a network or pool the
     *                                                         catalog lacks (by its place, e.g.
     *                                                         {@code /networks/2/network}); nothing is listed then
     */
    public FleetPlan planFleet(FleetRequest request) {
        return fleets.plan(Objects.requireNonNull(request, "request"));
    }

    /**
     * Imports the importable instances of a fleet plan in bulk, as {@link #importAll(List, BulkProgressListener)}
     * does: each is planned again against its host before it is written, so an instance that changed meanwhile
     * is refused with its problems. An outcome whose {@link ImportResult#alreadyExisted()} is set was already
     * managed under the same request (by another run), not imported by this one. Outcomes are keyed
     * {@code name on host-id}, as names repeat across hosts.
     */
    public BulkOperation<ImportResult> importFleet(FleetPlan plan, BulkProgressListener<ImportResult> progress) {
        List<ImportPlan> importable = Objects.requireNonNull(plan, "plan").importable();
        return bulk.start(importable, FleetPlanner::keyOf, p -> imports.importInstance(p.request()),
                Objects.requireNonNull(progress, "progress"));
    }

    /** Unmanages many instances, at most {@link Builder#bulkConcurrency} at once; see {@link BulkOperation}. */
    public BulkOperation<UnmanageResult> unmanageAll(List<UnmanageRequest> requests,
                                                     BulkProgressListener<UnmanageResult> progress) {
        return bulk.start(requests, UnmanageRequest::instance, unmanages::unmanage,
                Objects.requireNonNull(progress, "progress"));
    }

    /** Unmanages many instances and waits for all of them. */
    public BulkResult<UnmanageResult> unmanageAll(List<UnmanageRequest> requests) throws InterruptedException {
        return unmanageAll(requests, BulkProgressListener.none()).await();
    }

    /**
     * Watches the unmanaged instances of the query's hosts until the returned watch is closed, reporting each
     * change to {@code listener} as a {@link WatchEvent}. Every instance already there is reported as
     * {@link WatchEvent.Kind#APPEARED}, then each host gets one {@link WatchEvent.Kind#SYNCED}; after that come
     * the changes. The query's name and state filters and its host filter apply as in {@link #list}, its paging
     * does not; managed instances are left out, and an import or release made through this facade is reported as
     * {@link WatchEvent.Kind#MANAGED} or {@link WatchEvent.Kind#RELEASED}. A provider that has
     * {@link dev.unmanaged.api.spi.ProviderCapability#WATCH} pushes its hosts' changes; the others are listed
     * every {@link Builder#watchPollInterval}, each listing within the host deadline. A host that cannot be
     * reached is reported once as {@link WatchEvent.Kind#HOST_UNAVAILABLE}, and as
     * {@link WatchEvent.Kind#HOST_RECOVERED} when it answers again, followed by what changed meanwhile. One
     * change is reported once; the events of one instance arrive in order; a listener that throws is logged and
     * the watch goes on.
     *
     * @throws dev.unmanaged.api.error.NoProviderException when a host has no provider; nothing is watched then
     */
    public Watch watch(ListQuery query, WatchListener listener) {
        return watcher.watch(Objects.requireNonNull(query, "query"), Objects.requireNonNull(listener, "listener"));
    }

    /** The providers in use. */
    public ProviderRegistry providers() {
        return providers;
    }

    /** Stops the running watches and the threads this object started; running calls are interrupted. */
    @Override
    public void close() {
        watcher.close();
        ownedExecutors.forEach(ExecutorService::shutdownNow);
    }

    private static ThreadFactory daemonThreads(String prefix) {
        var counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Configures {@link UnmanagedInstances}. */
    public static final class Builder {
        private ProviderRegistry providers;
        private InventoryStore store;
        private ExecutorService executor;
        private int listParallelism = DEFAULT_LIST_PARALLELISM;
        private int bulkConcurrency = DEFAULT_BULK_CONCURRENCY;
        private Duration hostDeadline = DEFAULT_HOST_DEADLINE;
        private Clock clock = Clock.systemUTC();
        private Duration watchPollInterval = DEFAULT_WATCH_POLL_INTERVAL;
        private final List<InstanceEventListener> listeners = new ArrayList<>();
        private final List<ImportRule> rules = new ArrayList<>();
        private ClassLoader ruleLoader = UnmanagedInstances.class.getClassLoader();

        private Builder() {
        }

        /** The providers, e.g. {@link ProviderRegistry#load()}. Required. */
        public Builder providers(ProviderRegistry registry) {
            this.providers = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /** Exactly these providers. */
        public Builder providers(HypervisorInstanceProvider... list) {
            return providers(ProviderRegistry.of(list));
        }

        /** The inventory store. Required. */
        public Builder store(InventoryStore inventoryStore) {
            this.store = Objects.requireNonNull(inventoryStore, "store");
            return this;
        }

        /**
         * Runs calls to hosts. It must be able to run {@code listParallelism} calls at once, plus the calls of
         * running bulk items; a host that misses its deadline may keep a thread busy until its provider gives up.
         * The default is a pool of daemon threads owned (and closed) by the facade; a given one is not closed.
         */
        public Builder executor(ExecutorService hostExecutor) {
            this.executor = Objects.requireNonNull(hostExecutor, "executor");
            return this;
        }

        /** How many hosts a listing asks at once; default 32. */
        public Builder listParallelism(int hosts) {
            this.listParallelism = positive("listParallelism", hosts);
            return this;
        }

        /** How many bulk items run at once; default 8. */
        public Builder bulkConcurrency(int items) {
            this.bulkConcurrency = positive("bulkConcurrency", items);
            return this;
        }

        /** How long one call to one host may take (a list query may override it); default 30 s. */
        public Builder hostDeadline(Duration deadline) {
            this.hostDeadline = positive("hostDeadline", deadline);
            return this;
        }

        /**
         * How often a watch lists a host whose provider cannot push its changes; default 15 s. A change shows
         * at most this long (plus the listing) after it was made.
         */
        public Builder watchPollInterval(Duration interval) {
            this.watchPollInterval = positive("watchPollInterval", interval);
            return this;
        }

        /** The clock that stamps imports and events; default UTC system time. */
        public Builder clock(Clock eventClock) {
            this.clock = Objects.requireNonNull(eventClock, "clock");
            return this;
        }

        /** Adds a listener for imports, unmanages and rejections. */
        public Builder listener(InstanceEventListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Adds a custom import rule, run in every plan after the built-in checks (and before the rules
         * {@link java.util.ServiceLoader} finds), in the order added.
         */
        public Builder rule(ImportRule rule) {
            rules.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /**
         * Where {@link java.util.ServiceLoader} looks for import rules, once, when the facade is built: by default the
         * library's own class loader; null to use only the rules added with {@link #rule}.
         */
        public Builder ruleLoader(ClassLoader loader) {
            this.ruleLoader = loader;
            return this;
        }

        /** The facade. */
        public UnmanagedInstances build() {
            return new UnmanagedInstances(this);
        }

        private static Duration positive(String field, Duration value) {
            Objects.requireNonNull(value, field);
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(field + ": found " + value + ", expected a positive duration");
            }
            return value;
        }

        private static int positive(String field, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(field + ": found " + value + ", expected at least 1");
            }
            return value;
        }
    }
}
