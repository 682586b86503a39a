package dev.unmanaged.core;

import dev.unmanaged.api.error.InstanceNotFoundException;
import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.operation.UnmanagePlan;
import dev.unmanaged.api.operation.UnmanageRequest;
import dev.unmanaged.api.operation.UnmanageResult;
import dev.unmanaged.api.spi.InventoryStore;
import dev.unmanaged.api.spi.UnmanagePreparation;
import dev.unmanaged.api.text.SafeText;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Releases a managed instance: the provider first makes it survive on its own (idempotently), then the record
 * and its reservations leave the inventory in one unit of work. A failure at either step leaves the record in
 * place, so the same request can simply be repeated.
 */
final class UnmanageWorkflow {
    private static final Logger LOG = LoggerFactory.getLogger(UnmanageWorkflow.class);
    static final String INVENTORY = "the inventory";

    private final WorkflowContext context;
    private final InventoryStore store;

    private final UnmanagePlanner planner;

    UnmanageWorkflow(WorkflowContext context) {
        this.context = context;
        this.store = context.store();
        this.planner = new UnmanagePlanner(context);
    }

    /** What unmanaging (or, with {@code forget}, forgetting) the request's record would do; writes nothing. */
    UnmanagePlan plan(UnmanageRequest request, boolean forget) {
        return planner.plan(request, findManaged(request), forget);
    }

    /**
     * Forgets a record whose instance or host is gone for good: refuses while the instance is present on a
     * reachable host; removes the record and its reservations without asking the host; audited as an event.
     */
    ManagedInstance forget(UnmanageRequest request) {
        UnmanagePlan plan = plan(request, true);
        ManagedInstance record = plan.record();
        if (!plan.possible()) {
            throw new InvalidRequestException("instance", record.uuid().toString(), "a managed instance gone from"
                    + " its host or on a host gone for good: " + plan.blockingProblems().get(0).message());
        }
        Optional<ManagedInstance> removed = store.inUnitOfWork(writes -> writes.removeInstance(record.uuid()));
        if (removed.isEmpty()) {
            throw new InstanceNotFoundException(record.uuid().toString(), INVENTORY);
        }
        LOG.warn("Forgot managed instance {} ({}) of host {} without asking the host: it was not found there",
                record.uuid(), SafeText.quoted(record.displayName()), SafeText.host(record.host().id()));
        context.events().publish(new InstanceEvent.Forgotten(removed.get(), plan, context.clock().instant()));
        return removed.get();
    }

    UnmanageResult unmanage(UnmanageRequest request) {
        ManagedInstance record = findManaged(request);
        Host host = record.host();
        UnmanagePreparation preparation = context.onHost(host, "preparing an instance for unmanage",
                provider -> provider.prepareForUnmanage(host, record.uuid()));
        LOG.debug("Instance {} on host {} prepared for unmanage (defined persistently now: {})", record.uuid(),
                SafeText.host(host.id()), preparation.definedPersistently());
        Optional<ManagedInstance> removed = store.inUnitOfWork(writes -> writes.removeInstance(record.uuid()));
        if (removed.isEmpty()) {
            // Another request released it between our lookup and our removal.
            throw new InstanceNotFoundException(record.uuid().toString(), INVENTORY);
        }
        LOG.info("Unmanaged instance {} ({}) on host {}", record.uuid(), SafeText.quoted(record.displayName()),
                SafeText.host(host.id()));
        context.events().publish(new InstanceEvent.Unmanaged(removed.get(), preparation, context.clock().instant()));
        return new UnmanageResult(removed.get(), preparation);
    }

    /**
     * The record the request names: by UUID (falling back to a record with that text as its name, for an instance
     * named like a UUID), or by its name, which must be unique — on the request's host when it names one.
     */
    ManagedInstance findManaged(UnmanageRequest request) {
        if (request.uuid() != null) {
            Optional<ManagedInstance> byUuid = store.find(request.uuid()).filter(m -> onRequestedHost(m, request));
            if (byUuid.isPresent()) {
                return byUuid.get();
            }
        }
        String key = request.instance();
        List<ManagedInstance> named = store.findByName(key).stream().filter(m -> onRequestedHost(m, request)).toList();
        if (named.isEmpty()) {
            throw new InstanceNotFoundException(SafeText.of(key), request.hostId() == null ? INVENTORY
                    : INVENTORY + " on host " + SafeText.host(request.hostId()));
        }
        if (named.size() > 1) {
            throw new InvalidRequestException("instance", SafeText.of(key), "a UUID or a host: " + named.size()
                    + " managed instances have that name, on hosts "
                    + named.stream().map(m -> SafeText.host(m.host().id()) + " (" + m.uuid() + ")").sorted().toList());
        }
        return named.get(0);
    }

    private static boolean onRequestedHost(ManagedInstance record, UnmanageRequest request) {
        return request.hostId() == null || request.hostId().equals(record.host().id());
    }
}
