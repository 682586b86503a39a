package dev.unmanaged.core;

import dev.unmanaged.api.error.UnmanagedException;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.operation.ListQuery;
import dev.unmanaged.api.spi.HostChangeListener;
import dev.unmanaged.api.spi.InventoryStore;
import dev.unmanaged.api.text.SafeText;
import dev.unmanaged.api.text.SecretRedaction;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * What a watch knows of one host's unmanaged instances, and the events that telling it something new raises. It
 * compares every notice with what it knew, so a notice repeated, or a listing that holds nothing new, raises
 * nothing. An instance outside the query (its name or state does not match, or it is managed) counts as absent:
 * leaving the query is {@link WatchEvent.Kind#VANISHED}, entering it {@link WatchEvent.Kind#APPEARED}.
 * Thread-safe; events are emitted under this object's lock, so they leave in the order they were raised.
 */
final class HostView implements HostChangeListener {
    private final String hostId;
    private final ListQuery query;
    private final InventoryStore store;
    private final Clock clock;
    private final Consumer<WatchEvent> emit;
    private final Map<UUID, InstanceDescriptor> known = new HashMap<>();
    private boolean synced;
    private boolean unavailable;
    private boolean closed;

    HostView(String hostId, ListQuery query, InventoryStore store, Clock clock, Consumer<WatchEvent> emit) {
        this.hostId = hostId;
        this.query = query;
        this.store = store;
        this.clock = clock;
        this.emit = emit;
    }

    @Override
    public synchronized void listed(List<InstanceDescriptor> instances) {
        if (closed) {
            return;
        }
        if (unavailable) {
            unavailable = false;
            emitHost(WatchEvent.Kind.HOST_RECOVERED, null);
        }
        Set<UUID> managed = store.list().stream().map(ManagedInstance::uuid).collect(Collectors.toSet());
        var now = new LinkedHashMap<UUID, InstanceDescriptor>();
        for (InstanceDescriptor instance : instances) {
            if (instance.uuid() != null && !managed.contains(instance.uuid()) && inQuery(instance)) {
                now.put(instance.uuid(), onThisHost(instance));
            }
        }
        for (UUID uuid : Set.copyOf(known.keySet())) {
            if (!now.containsKey(uuid)) {
                vanish(uuid);
            }
        }
        now.values().forEach(this::update);
        if (!synced) {
            synced = true;
            emitHost(WatchEvent.Kind.SYNCED, null);
        }
    }

    @Override
    public synchronized void present(InstanceDescriptor instance) {
        if (closed || instance.uuid() == null) {
            return;
        }
        if (inQuery(instance) && store.find(instance.uuid()).isEmpty()) {
            update(onThisHost(instance));
        } else {
            vanish(instance.uuid());
        }
    }

    @Override
    public synchronized void gone(UUID uuid) {
        if (!closed) {
            vanish(Objects.requireNonNull(uuid, "uuid"));
        }
    }

    @Override
    public synchronized void unavailable(UnmanagedException reason) {
        if (closed || unavailable) {
            return;
        }
        unavailable = true;
        emitHost(WatchEvent.Kind.HOST_UNAVAILABLE, SafeText.of(SecretRedaction.redact(reason.getMessage())));
    }

    /** The instance was imported through this library: it is managed now and leaves the view without vanishing. */
    synchronized void managed(ManagedInstance record) {
        if (!closed) {
            InstanceDescriptor was = known.remove(record.uuid());
            emit.accept(new WatchEvent(WatchEvent.Kind.MANAGED, hostId, record.uuid(),
                    was == null ? record.name() : was.name(), null, null, clock.instant()));
        }
    }

    /**
     * The instance was released through this library; {@code now} is how it was read afterwards, null when it
     * could not be read (then the next notice about it reports it as appeared).
     */
    synchronized void released(ManagedInstance record, InstanceDescriptor now) {
        if (closed) {
            return;
        }
        if (now != null && inQuery(now)) {
            known.put(record.uuid(), onThisHost(now));
        }
        emit.accept(new WatchEvent(WatchEvent.Kind.RELEASED, hostId, record.uuid(),
                now == null ? record.name() : now.name(), now, null, clock.instant()));
    }

    /** Ignores every later notice. */
    synchronized void close() {
        closed = true;
    }

    /** The UUIDs now known, for tests. */
    synchronized Set<UUID> knownUuids() {
        return new HashSet<>(known.keySet());
    }

    private void update(InstanceDescriptor instance) {
        InstanceDescriptor was = known.put(instance.uuid(), instance);
        if (was == null) {
            emitInstance(WatchEvent.Kind.APPEARED, instance);
        } else if (!sameState(was, instance)) {
            emitInstance(WatchEvent.Kind.CHANGED, instance);
        }
    }

    private void vanish(UUID uuid) {
        InstanceDescriptor was = known.remove(uuid);
        if (was != null) {
            emit.accept(new WatchEvent(WatchEvent.Kind.VANISHED, hostId, uuid, was.name(), null, null,
                    clock.instant()));
        }
    }

    private void emitInstance(WatchEvent.Kind kind, InstanceDescriptor instance) {
        emit.accept(new WatchEvent(kind, hostId, instance.uuid(), instance.name(), instance, null, clock.instant()));
    }

    private void emitHost(WatchEvent.Kind kind, String detail) {
        emit.accept(new WatchEvent(kind, hostId, null, null, null, detail, clock.instant()));
    }

    private boolean inQuery(InstanceDescriptor instance) {
        return NameFilter.matches(query.nameContains(), instance.name())
                && (query.states().isEmpty() || query.states().contains(instance.powerState()));
    }

    private InstanceDescriptor onThisHost(InstanceDescriptor instance) {
        return hostId.equals(instance.hostId()) ? instance
                : instance.onHost(hostId, instance.powerState(), instance.persistent());
    }

    /**
     * Equal but for the bytes the disks take on the host: those grow while a guest writes, which is neither a
     * change of power state nor of definition.
     */
    private static boolean sameState(InstanceDescriptor was, InstanceDescriptor now) {
        return withoutAllocation(was).equals(withoutAllocation(now));
    }

    private static InstanceDescriptor withoutAllocation(InstanceDescriptor instance) {
        return instance.withDisks(instance.disks().stream()
                .map(d -> d.allocationBytes() == null ? d : d.withSizes(d.capacityBytes(), null))
                .toList());
    }
}
