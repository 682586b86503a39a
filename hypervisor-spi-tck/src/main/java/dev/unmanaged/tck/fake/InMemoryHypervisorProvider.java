package dev.unmanaged.tck.fake;

import dev.unmanaged.api.error.HostUnavailableException;
import dev.unmanaged.api.error.InstanceNotFoundException;
import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.error.UnmanagedException;
import dev.unmanaged.api.instance.GraphicsDescriptor;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.api.spi.HostChangeFeed;
import dev.unmanaged.api.spi.HostChangeListener;
import dev.unmanaged.api.spi.HypervisorInstanceProvider;
import dev.unmanaged.api.spi.ListingDetail;
import dev.unmanaged.api.spi.ProviderCapability;
import dev.unmanaged.api.spi.UnmanagePreparation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The reference {@link HypervisorInstanceProvider}: hosts and instances live in memory and a test scripts them.
 * It behaves like a real hypervisor where it matters to the workflows: a transient instance vanishes when it
 * is shut down unless it was prepared for unmanage first; a host can be slow ({@link #setLatency}), unreachable
 * ({@link #setUnreachable}) or fail an operation once or always ({@link #failOnce}, {@link #failAlways}); a
 * graphics password set on an instance is known to the host but never described. Watched hosts
 * ({@link #watchHost}) push every change made through this class as it is made. Thread-safe.
 *
 * <p>Not registered with {@link java.util.ServiceLoader}: tests hand an instance to whatever needs a provider.
 */
public final class InMemoryHypervisorProvider implements HypervisorInstanceProvider {
    /** The hypervisor kind served unless another is given. */
    public static final String DEFAULT_HYPERVISOR = "fake";

    /** The provider calls that latency, faults and call counts apply to. */
    public enum Operation {
        /** {@link #listInstances(Host)}. */
        LIST,
        /** {@link #describeInstance(Host, String)}. */
        DESCRIBE,
        /** {@link #prepareForUnmanage(Host, UUID)}, failing before anything changed. */
        PREPARE,
        /**
         * {@link #prepareForUnmanage(Host, UUID)}, failing after the instance was made persistent: the change
         * happened but the caller never hears of it, as when a connection drops before the answer arrives.
         */
        PREPARE_AFTER_CHANGE,
        /** {@link #watchHost(Host, HostChangeListener)}, failing before the watch starts. */
        WATCH
    }

    private final String hypervisor;
    private final Map<String, FakeHost> hosts = new ConcurrentHashMap<>();
    private volatile Set<ProviderCapability> capabilities = Set.copyOf(EnumSet.allOf(ProviderCapability.class));

    /** A provider of the {@value #DEFAULT_HYPERVISOR} hypervisor kind with every capability. */
    public InMemoryHypervisorProvider() {
        this(DEFAULT_HYPERVISOR);
    }

    /** A provider of {@code hypervisor} kind with every capability. */
    public InMemoryHypervisorProvider(String hypervisor) {
        if (hypervisor == null || hypervisor.isBlank()) {
            throw new IllegalArgumentException("hypervisor must be a non-blank kind such as 'fake', got '"
                    + hypervisor + "'");
        }
        this.hypervisor = hypervisor;
    }

    @Override
    public String hypervisor() {
        return hypervisor;
    }

    @Override
    public Set<ProviderCapability> capabilities() {
        return capabilities;
    }

    /** Declares the capabilities this provider reports from now on. */
    public InMemoryHypervisorProvider setCapabilities(Set<ProviderCapability> newCapabilities) {
        this.capabilities = Set.copyOf(newCapabilities);
        return this;
    }

    // ---- scripting hosts ---------------------------------------------------------------------------------

    /** Adds an empty, reachable host (or returns the existing one) addressed as {@code memory://<id>}. */
    public Host addHost(String hostId) {
        Host host = new Host(hostId, hypervisor, "memory://" + hostId);
        hosts.computeIfAbsent(hostId, id -> new FakeHost());
        return host;
    }

    /** The host with this id as a caller addresses it. */
    public Host host(String hostId) {
        requireHost(hostId);
        return new Host(hostId, hypervisor, "memory://" + hostId);
    }

    /** Removes a host with everything on it; calls for it then fail as unreachable. */
    public void removeHost(String hostId) {
        hosts.remove(hostId);
    }

    /** Makes every call for the host wait {@code latency} first (zero for none). */
    public void setLatency(String hostId, Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, got " + latency);
        }
        requireHost(hostId).latencyNanos = latency.toNanos();
    }

    /** Makes every call for the host fail with {@link HostUnavailableException} (true) or succeed again (false). */
    public void setUnreachable(String hostId, boolean unreachable) {
        requireHost(hostId).setUnreachable(hostId, unreachable);
    }

    /** The next call of {@code operation} on the host throws {@code error}; later calls succeed. */
    public void failOnce(String hostId, Operation operation, UnmanagedException error) {
        requireHost(hostId).addFault(operation, new Fault(Objects.requireNonNull(error, "error"), true));
    }

    /** Every call of {@code operation} on the host throws {@code error} until {@link #clearFaults}. */
    public void failAlways(String hostId, Operation operation, UnmanagedException error) {
        requireHost(hostId).addFault(operation, new Fault(Objects.requireNonNull(error, "error"), false));
    }

    /** Removes every scripted fault of the host (latency and reachability are kept). */
    public void clearFaults(String hostId) {
        requireHost(hostId).clearFaults();
    }

    /** How many times {@code operation} was called for the host, including calls that failed. */
    public long calls(String hostId, Operation operation) {
        return requireHost(hostId).calls.get(operation).get();
    }

    // ---- scripting instances -----------------------------------------------------------------------------

    /**
     * Adds the instance to the host, or replaces the one with the same UUID (or, without a UUID, the same name).
     * Its power state and persistence are taken from the descriptor; its host id and hypervisor are set here.
     *
     * @throws IllegalArgumentException when it is transient and stopped (a transient instance cannot exist
     *                                  shut off) or another instance on the host already has its name
     */
    public InstanceDescriptor putInstance(String hostId, InstanceDescriptor instance) {
        return putInstance(hostId, instance, null);
    }

    /**
     * As {@link #putInstance(String, InstanceDescriptor)}, with a graphics console password the host knows.
     * Every console of the instance is then described as password-protected (a VNC console is added when it
     * has none); the password itself is never described.
     */
    public InstanceDescriptor putInstance(String hostId, InstanceDescriptor instance, String graphicsPassword) {
        Objects.requireNonNull(instance, "instance");
        InstanceDescriptor stored = normalise(hostId, instance, graphicsPassword != null);
        if (Boolean.FALSE.equals(stored.persistent()) && stored.powerState() == PowerState.STOPPED) {
            throw new IllegalArgumentException("instance " + stored.name()
                    + " is transient and stopped; a transient instance only exists while it runs");
        }
        requireHost(hostId).put(stored, graphicsPassword);
        return stored;
    }

    /** Removes the instance (undefines and destroys it); true when it was there. */
    public boolean removeInstance(String hostId, UUID uuid) {
        return requireHost(hostId).remove(uuid);
    }

    /**
     * Changes the instance's power state as the hypervisor would: stopping a transient instance makes it vanish.
     *
     * @return the instance afterwards, empty when it vanished
     * @throws InstanceNotFoundException when the host has no such instance
     */
    public Optional<InstanceDescriptor> setPowerState(String hostId, UUID uuid, PowerState state) {
        return requireHost(hostId).setPowerState(hostId, uuid, Objects.requireNonNull(state, "state"));
    }

    /** Shuts the instance down: a persistent one is then stopped, a transient one is gone. */
    public Optional<InstanceDescriptor> shutDown(String hostId, UUID uuid) {
        return setPowerState(hostId, uuid, PowerState.STOPPED);
    }

    /** The instance as the host holds it now, without latency or faults; empty when absent. */
    public Optional<InstanceDescriptor> instance(String hostId, UUID uuid) {
        return requireHost(hostId).find(uuid);
    }

    /** The instances the host holds now, without latency or faults. */
    public List<InstanceDescriptor> instances(String hostId) {
        return requireHost(hostId).snapshot();
    }

    /** The graphics password the host holds for the instance, if one was set; for tests that hunt for leaks. */
    public Optional<String> graphicsPassword(String hostId, UUID uuid) {
        return requireHost(hostId).password(uuid);
    }

    // ---- the SPI -----------------------------------------------------------------------------------------

    /** Guest addresses are left out, as a real listing reads them only when asked. */
    @Override
    public List<InstanceDescriptor> listInstances(Host host) {
        return listInstances(host, Set.of());
    }

    /**
     * With {@link ListingDetail#GUEST_ADDRESSES}, running instances' NICs carry the guest addresses scripted on them
     * (while the provider declares {@link ProviderCapability#GUEST_ADDRESSES}). With {@link ListingDetail#STORAGE},
     * instances carry the snapshots, disk pools and block jobs put on them; without it those are left out, as a
     * real listing reads them only when asked. Backing chains, shared disks, firmware state and host devices are
     * listed as put.
     */
    @Override
    public List<InstanceDescriptor> listInstances(Host host, Set<ListingDetail> details) {
        FakeHost fake = enter(host, Operation.LIST);
        boolean addresses = details.contains(ListingDetail.GUEST_ADDRESSES);
        boolean storage = details.contains(ListingDetail.STORAGE);
        return fake.snapshot().stream().map(d -> withStorageIf(storage, withGuestAddressesIf(addresses, d))).toList();
    }

    @Override
    public InstanceDescriptor describeInstance(Host host, String nameOrUuid) {
        if (nameOrUuid == null || nameOrUuid.isBlank()) {
            throw new InvalidRequestException("nameOrUuid", String.valueOf(nameOrUuid),
                    "the UUID or the name of an instance");
        }
        FakeHost fake = enter(host, Operation.DESCRIBE);
        return fake.snapshot().stream()
                .filter(d -> d.isIdentifiedBy(nameOrUuid))
                .map(d -> withGuestAddressesIf(true, d))
                .findFirst()
                .orElseThrow(() -> new InstanceNotFoundException(nameOrUuid, "host " + host.id()));
    }

    /**
     * Pushes every change made through this class to {@code listener}, synchronously: the full listing first
     * (or, for an unreachable host, that it is unavailable), then each instance put, changed or removed, and
     * a full listing again when an unreachable host becomes reachable.
     */
    @Override
    public HostChangeFeed watchHost(Host host, HostChangeListener listener) {
        Objects.requireNonNull(listener, "listener");
        FakeHost fake = enter(host, Operation.WATCH);
        return fake.watch(host.id(), listener);
    }

    @Override
    public UnmanagePreparation prepareForUnmanage(Host host, UUID uuid) {
        Objects.requireNonNull(uuid, "uuid");
        FakeHost fake = enter(host, Operation.PREPARE);
        boolean changed = fake.makePersistent(host.id(), uuid);
        fake.trip(Operation.PREPARE_AFTER_CHANGE);
        PowerState state = fake.snapshot().stream().filter(d -> uuid.equals(d.uuid())).findFirst()
                .map(InstanceDescriptor::powerState).orElse(PowerState.UNKNOWN);
        return new UnmanagePreparation(uuid, changed, state);
    }

    // ---- internals ---------------------------------------------------------------------------------------

    /** Storage details as a listing that did not ask for them leaves them: unread. */
    private static InstanceDescriptor withStorageIf(boolean asked, InstanceDescriptor instance) {
        if (asked) {
            return instance;
        }
        return instance.toBuilder().snapshots(null).disks(instance.disks().stream()
                .map(disk -> disk.toBuilder().hostPool(null).blockJob(null).build()).toList()).build();
    }

    /** A guest has addresses only while it runs, and only a provider that declares them reports them. */
    private InstanceDescriptor withGuestAddressesIf(boolean asked, InstanceDescriptor instance) {
        boolean running = instance.powerState() == PowerState.RUNNING || instance.powerState() == PowerState.PAUSED;
        if (asked && running && capabilities.contains(ProviderCapability.GUEST_ADDRESSES)
                || instance.nics().stream().allMatch(nic -> nic.guestAddresses().isEmpty())) {
            return instance;
        }
        return instance.toBuilder()
                .nics(instance.nics().stream().map(nic -> nic.withGuestAddresses(List.of())).toList()).build();
    }

    /** Waits the host's latency, then checks reachability and scripted faults of {@code operation}. */
    private FakeHost enter(Host host, Operation operation) {
        Objects.requireNonNull(host, "host");
        if (!hypervisor.equals(host.hypervisor())) {
            throw new InvalidRequestException("host.hypervisor", host.hypervisor(), "'" + hypervisor + "'");
        }
        FakeHost fake = hosts.get(host.id());
        if (fake == null) {
            throw new HostUnavailableException(host.id(), "no such host is known at " + host.address(), null);
        }
        fake.calls.get(operation).incrementAndGet();
        long latency = fake.latencyNanos;
        if (latency > 0) {
            try {
                Thread.sleep(latency / 1_000_000L, (int) (latency % 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HostUnavailableException(host.id(), "interrupted while waiting for the host to answer", e);
            }
        }
        if (fake.unreachable && operation != Operation.WATCH) {
            throw FakeHost.refused(host.id());
        }
        fake.trip(operation);
        return fake;
    }

    private FakeHost requireHost(String hostId) {
        FakeHost fake = hosts.get(Objects.requireNonNull(hostId, "hostId"));
        if (fake == null) {
            throw new IllegalArgumentException("no host '" + hostId + "' was added; known hosts: " + hosts.keySet());
        }
        return fake;
    }

    private InstanceDescriptor normalise(String hostId, InstanceDescriptor d, boolean passwordProtected) {
        List<GraphicsDescriptor> graphics = d.graphics();
        if (passwordProtected) {
            List<GraphicsDescriptor> protectedConsoles = new ArrayList<>();
            for (GraphicsDescriptor g : graphics) {
                protectedConsoles.add(new GraphicsDescriptor(g.type(), g.port(), g.listen(), true));
            }
            if (protectedConsoles.isEmpty()) {
                protectedConsoles.add(new GraphicsDescriptor("vnc", null, "127.0.0.1", true));
            }
            graphics = protectedConsoles;
        }
        return d.toBuilder().hostId(hostId).hypervisor(hypervisor)
                .persistent(d.persistent() == null ? Boolean.TRUE : d.persistent()).graphics(graphics).build();
    }

    private record Fault(UnmanagedException error, boolean once) {
    }

    private record Stored(InstanceDescriptor descriptor, String graphicsPassword) {
    }

    /** One host's state. Instances are guarded by this object's monitor; settings are volatile. */
    private static final class FakeHost {
        private final Map<String, Stored> byName = new LinkedHashMap<>();
        private final Map<Operation, Fault> faults = new EnumMap<>(Operation.class);
        private final Map<Operation, AtomicLong> calls = new EnumMap<>(Operation.class);
        private final List<HostChangeListener> watchers = new CopyOnWriteArrayList<>();
        private volatile long latencyNanos;
        private volatile boolean unreachable;

        static HostUnavailableException refused(String hostId) {
            return new HostUnavailableException(hostId, "connection refused at memory://" + hostId, null);
        }

        synchronized HostChangeFeed watch(String hostId, HostChangeListener listener) {
            if (unreachable) {
                listener.unavailable(refused(hostId));
            } else {
                listener.listed(snapshot());
            }
            watchers.add(listener);
            return () -> {
                synchronized (this) {
                    watchers.remove(listener);
                }
            };
        }

        synchronized void setUnreachable(String hostId, boolean now) {
            boolean was = unreachable;
            unreachable = now;
            if (now && !was) {
                watchers.forEach(w -> w.unavailable(refused(hostId)));
            } else if (was && !now) {
                List<InstanceDescriptor> all = snapshot();
                watchers.forEach(w -> w.listed(all));
            }
        }

        /** Tells the watchers of a reachable host (an unreachable one pushes nothing until it is back). */
        private void pushPresent(InstanceDescriptor d) {
            if (!unreachable) {
                watchers.forEach(w -> w.present(d));
            }
        }

        private void pushGone(UUID uuid) {
            if (!unreachable) {
                watchers.forEach(w -> w.gone(uuid));
            }
        }

        FakeHost() {
            for (Operation op : Operation.values()) {
                calls.put(op, new AtomicLong());
            }
        }

        synchronized void addFault(Operation operation, Fault fault) {
            faults.put(operation, fault);
        }

        synchronized void clearFaults() {
            faults.clear();
        }

        synchronized void trip(Operation operation) {
            Fault fault = faults.get(operation);
            if (fault == null) {
                return;
            }
            if (fault.once()) {
                faults.remove(operation);
            }
            throw fault.error();
        }

        synchronized void put(InstanceDescriptor d, String password) {
            Stored sameName = byName.get(d.name());
            if (sameName != null && !sameIdentity(sameName.descriptor(), d)) {
                throw new IllegalArgumentException("host already has another instance named " + d.name());
            }
            if (d.uuid() != null) {
                byName.values().removeIf(s -> d.uuid().equals(s.descriptor().uuid()));
            }
            byName.put(d.name(), new Stored(d, password));
            pushPresent(d);
        }

        synchronized boolean remove(UUID uuid) {
            boolean removed = byName.values().removeIf(s -> uuid.equals(s.descriptor().uuid()));
            if (removed) {
                pushGone(uuid);
            }
            return removed;
        }

        synchronized Optional<InstanceDescriptor> find(UUID uuid) {
            return stored(uuid).map(Stored::descriptor);
        }

        synchronized Optional<String> password(UUID uuid) {
            return stored(uuid).map(Stored::graphicsPassword);
        }

        synchronized List<InstanceDescriptor> snapshot() {
            return byName.values().stream().map(Stored::descriptor).toList();
        }

        synchronized Optional<InstanceDescriptor> setPowerState(String hostId, UUID uuid, PowerState state) {
            Stored s = stored(uuid).orElseThrow(() -> new InstanceNotFoundException(uuid.toString(), "host " + hostId));
            InstanceDescriptor d = s.descriptor();
            if (state == PowerState.STOPPED && Boolean.FALSE.equals(d.persistent())) {
                byName.remove(d.name());
                pushGone(uuid);
                return Optional.empty();
            }
            InstanceDescriptor changed = d.onHost(hostId, state, d.persistent());
            byName.put(d.name(), new Stored(changed, s.graphicsPassword()));
            pushPresent(changed);
            return Optional.of(changed);
        }

        /** True when the instance was transient and is now persistent; false when it already was. */
        synchronized boolean makePersistent(String hostId, UUID uuid) {
            Stored s = stored(uuid).orElseThrow(() -> new InstanceNotFoundException(uuid.toString(), "host " + hostId));
            InstanceDescriptor d = s.descriptor();
            if (Boolean.TRUE.equals(d.persistent())) {
                return false;
            }
            InstanceDescriptor persistent = d.onHost(hostId, d.powerState(), true);
            byName.put(d.name(), new Stored(persistent, s.graphicsPassword()));
            pushPresent(persistent);
            return true;
        }

        private Optional<Stored> stored(UUID uuid) {
            return byName.values().stream().filter(s -> uuid.equals(s.descriptor().uuid())).findFirst();
        }

        private static boolean sameIdentity(InstanceDescriptor a, InstanceDescriptor b) {
            return a.uuid() == null ? b.uuid() == null : a.uuid().equals(b.uuid());
        }
    }
}
