package dev.unmanaged.core;

import dev.unmanaged.api.error.AddressInUseException;
import dev.unmanaged.api.error.AlreadyManagedException;
import dev.unmanaged.api.error.ImportRejectedException;
import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.inventory.Catalog;
import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.inventory.ManagedNic;
import dev.unmanaged.api.mapping.ImportMap;
import dev.unmanaged.api.operation.ImportPlan;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.ImportResult;
import dev.unmanaged.api.operation.Problem;
import dev.unmanaged.api.operation.ProblemCode;
import dev.unmanaged.api.spi.InventoryStore;
import dev.unmanaged.api.text.SafeText;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plan, refuse on a blocking problem, commit in one unit of work. A repeat of a request that already succeeded
 * returns the existing record; a request that loses a race for the same instance fails with
 * {@link AlreadyManagedException}.
 */
final class ImportWorkflow {
    private static final Logger LOG = LoggerFactory.getLogger(ImportWorkflow.class);

    private final WorkflowContext context;
    private final InventoryStore store;
    private final Clock clock;
    private final ImportPlanner planner;
    private final EventDispatcher events;

    ImportWorkflow(WorkflowContext context, ImportPlanner planner) {
        this.context = context;
        this.store = context.store();
        this.clock = context.clock();
        this.planner = planner;
        this.events = context.events();
    }

    /** Re-reads the instance from its host (a listing may be stale) and validates the request against it. */
    PlannedImport plan(ImportRequest request) {
        InstanceDescriptor instance = describe(request);
        return logged(planner.plan(request, instance), instance);
    }

    /** As {@link #plan(ImportRequest)}, with what the request leaves open filled in by {@code map}. */
    PlannedImport plan(ImportRequest request, ImportMap map) {
        InstanceDescriptor instance = describe(request);
        Catalog catalog = store.catalog().snapshot();
        MappedRequest mapped = MappedRequest.of(map, request, instance, catalog.offerings(), catalog.pools());
        return logged(planner.plan(mapped.request(), instance, mapped.problems()), instance);
    }

    private InstanceDescriptor describe(ImportRequest request) {
        Host host = request.host();
        return context.onHost(host, "describing an instance",
                provider -> provider.describeInstance(host, request.instance()));
    }

    private PlannedImport logged(PlannedImport planned, InstanceDescriptor instance) {
        Host host = planned.plan().request().host();
        LOG.debug("Planned import of {} on host {}: {} problems, {} blocking", SafeText.quoted(instance.name()),
                SafeText.host(host.id()), planned.plan().problems().size(),
                planned.plan().blockingProblems().size());
        return planned;
    }

    ImportResult importInstance(ImportRequest request) {
        if (request.options().dryRun()) {
            throw new InvalidRequestException("options.dryRun", "true",
                    "false here; a dry run is plan(request), which writes nothing");
        }
        PlannedImport planned = plan(request);
        if (planned.existing().isEmpty() && !planned.plan().importable() && managedMeanwhile(planned.plan())) {
            // Another import of this instance committed while the plan was reading the inventory, so the plan
            // mixes both states (e.g. the instance unmanaged but its MAC taken). Plan again against the new state.
            planned = plan(request);
        }
        ImportPlan plan = planned.plan();
        if (planned.existing().isPresent()) {
            ManagedInstance existing = planned.existing().get();
            if (SameImport.matches(request, planned, existing)) {
                LOG.info("Import of instance {} was already done; returning the existing record", existing.uuid());
                return new ImportResult(existing, plan, true);
            }
            reject(request, plan.problems());
            throw new AlreadyManagedException(existing.uuid());
        }
        if (!plan.importable()) {
            reject(request, plan.problems());
            throw new ImportRejectedException(plan.problems());
        }
        ManagedInstance committed = commit(request, planned);
        LOG.info("Imported instance {} ({}) from host {} for owner {}", committed.uuid(),
                SafeText.quoted(committed.displayName()), SafeText.host(committed.host().id()),
                SafeText.quoted(committed.ownerId()));
        events.publish(new InstanceEvent.Imported(committed, plan, clock.instant()));
        return new ImportResult(committed, plan, false);
    }

    private boolean managedMeanwhile(ImportPlan plan) {
        return plan.instance() != null && plan.instance().uuid() != null && store.isManaged(plan.instance().uuid());
    }

    private ManagedInstance commit(ImportRequest request, PlannedImport planned) {
        ManagedInstance proposed = planned.plan().proposed();
        UUID uuid = proposed.uuid();
        try {
            return store.inUnitOfWork(writes -> {
                // Fixed addresses first, so that an automatic one is never handed an address the request names.
                var nics = new ArrayList<ManagedNic>();
                for (PlannedNic nic : planned.nics()) {
                    writes.reserveMac(nic.networkId(), nic.mac(), uuid);
                    if (nic.ip() != null && !nic.wantsAutomaticIp()) {
                        writes.reserveIp(nic.networkId(), nic.plannedIp(), uuid);
                    }
                }
                for (PlannedNic nic : planned.nics()) {
                    String ip = nic.wantsAutomaticIp() ? writes.reserveFreeIp(nic.networkId(), uuid) : nic.plannedIp();
                    nics.add(new ManagedNic(nic.mac(), nic.networkId(), ip));
                }
                ManagedInstance record = proposed.withNics(nics);
                writes.insertInstance(record);
                return record;
            });
        } catch (AlreadyManagedException e) {
            reject(request, List.of(Problem.block(ProblemCode.ALREADY_MANAGED, "instance",
                    "instance " + uuid + " was imported by another request first")));
            throw e;
        } catch (AddressInUseException e) {
            if (store.isManaged(uuid)) {
                // The address is held by the same instance, imported concurrently: report the real cause.
                reject(request, List.of(Problem.block(ProblemCode.ALREADY_MANAGED, "instance",
                        "instance " + uuid + " was imported by another request first")));
                throw new AlreadyManagedException(uuid);
            }
            reject(request, List.of(addressProblem(e)));
            throw e;
        }
    }

    private static Problem addressProblem(AddressInUseException e) {
        if (e.kind() == AddressInUseException.Kind.MAC) {
            return Problem.block(ProblemCode.MAC_IN_USE, "nic " + SafeText.of(e.address()), SafeText.of(e.getMessage()));
        }
        return Problem.block(ProblemCode.IP_IN_USE, "network " + SafeText.of(e.networkId()),
                SafeText.of(e.getMessage()));
    }

    private void reject(ImportRequest request, List<Problem> problems) {
        List<Problem> blocking = problems.stream().filter(Problem::blocks).toList();
        LOG.info("Import of {} on host {} refused: {}", SafeText.quoted(request.instance()),
                SafeText.host(request.host().id()), blocking.stream().map(p -> p.code().name()).toList());
        events.publish(new InstanceEvent.Rejected(request, problems, clock.instant()));
    }
}
