package dev.unmanaged.core;

import dev.unmanaged.api.instance.DescriptorWarning;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.WarningCodes;
import dev.unmanaged.api.inventory.ManagedCpu;
import dev.unmanaged.api.inventory.ManagedDisk;
import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.inventory.Owner;
import dev.unmanaged.api.inventory.Template;
import dev.unmanaged.api.operation.ImportPlan;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.Problem;
import dev.unmanaged.api.operation.ProblemCode;
import dev.unmanaged.api.spi.InventoryCatalog;
import dev.unmanaged.api.spi.InventoryStore;
import dev.unmanaged.api.text.SafeText;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Validates an import request against a freshly read instance and the inventory, collecting every problem
 * rather than stopping at the first, and forms the record an import would write.
 */
final class ImportPlanner {
    /**
     * Warnings that make an import unsafe whatever the provider flagged: a shared MAC or disk target would corrupt
     * the mapping, and an unreadable definition means the plan would be made against a guess.
     */
    private static final Set<String> ALWAYS_BLOCKING = Set.of(WarningCodes.DUPLICATE_MAC,
            WarningCodes.DUPLICATE_DISK_TARGET, WarningCodes.DEFINITION_UNREADABLE, WarningCodes.UUID_MISSING);

    private final InventoryStore store;
    private final Clock clock;
    private final ImportRules rules;

    ImportPlanner(InventoryStore store, Clock clock, ImportRules rules) {
        this.store = store;
        this.clock = clock;
        this.rules = rules;
    }

    PlannedImport plan(ImportRequest request, InstanceDescriptor instance) {
        return plan(request, instance, List.of());
    }

    /** Plans with {@code found} already among the problems: what completing the request by a map found. */
    PlannedImport plan(ImportRequest request, InstanceDescriptor instance, List<Problem> found) {
        return plan(request, instance, found, store.catalog());
    }

    /** Plans against {@code catalog}, a view of the store's catalog (a fleet plan reads each entry once). */
    PlannedImport plan(ImportRequest request, InstanceDescriptor instance, List<Problem> found,
                       InventoryCatalog catalog) {
        var problems = new ArrayList<Problem>(found);
        Optional<ManagedInstance> existing = checkIdentity(instance, problems);
        checkWarnings(instance, problems);

        CatalogAccess access = checkOwner(request, catalog, problems);
        ComputeSizing.Size size = ComputeSizing.check(request, instance, catalog, access, problems);
        checkTemplate(request, catalog, access, problems);
        String displayName = request.displayName() == null ? instance.name() : request.displayName();
        checkDisplayName(request, displayName, problems);
        List<PlannedNic> nics = new NicPlanner(request, catalog, access, problems, existing).plan(instance);
        List<ManagedDisk> disks = new DiskPlanner(request, catalog, access, problems).plan(instance);
        new HostStateChecks(request, catalog, problems).check(instance);
        rules.check(instance, request, catalog, problems);

        ManagedInstance proposed = null;
        if (instance.uuid() != null && request.ownerId() != null && request.offeringId() != null) {
            proposed = new ManagedInstance(instance.uuid(), instance.name(), displayName, request.host(),
                    request.ownerId(), request.offeringId(), request.templateId(), size.vcpus(), size.memoryBytes(),
                    nics.stream().map(PlannedNic::toManaged).toList(), disks, clock.instant(),
                    ManagedCpu.of(instance.cpu(), size.speedMhz(), instance.cpu().cap()), size.resizePendingAtStart());
        }
        problems.sort(Comparator.comparing(Problem::severity)); // blocking problems first, stable otherwise
        return new PlannedImport(new ImportPlan(request, instance, problems, proposed), nics, existing);
    }

    private Optional<ManagedInstance> checkIdentity(InstanceDescriptor instance, List<Problem> problems) {
        if (instance.uuid() == null) {
            problems.add(Problem.block(ProblemCode.INSTANCE_UUID_MISSING, "instance", "instance "
                    + SafeText.quoted(instance.name()) + " has no UUID; expected one, as the inventory is keyed by it"));
            return Optional.empty();
        }
        Optional<ManagedInstance> existing = store.find(instance.uuid());
        existing.ifPresent(record -> problems.add(Problem.block(ProblemCode.ALREADY_MANAGED, "instance",
                "instance " + instance.uuid() + " is already managed as " + SafeText.quoted(record.displayName())
                        + " of owner " + SafeText.quoted(record.ownerId()) + "; expected an unmanaged instance")));
        return existing;
    }

    private static void checkWarnings(InstanceDescriptor instance, List<Problem> problems) {
        for (DescriptorWarning warning : instance.warnings()) {
            if (instance.uuid() == null && WarningCodes.UUID_MISSING.equals(warning.code())) {
                continue; // already reported as INSTANCE_UUID_MISSING
            }
            String subject = "instance warning " + SafeText.of(warning.code());
            String message = SafeText.of(warning.message());
            problems.add(warning.blocksImport() || ALWAYS_BLOCKING.contains(warning.code())
                    ? Problem.block(ProblemCode.INSTANCE_UNSAFE, subject, message)
                    : Problem.warn(ProblemCode.INSTANCE_UNSAFE, subject, message));
        }
    }

    private static CatalogAccess checkOwner(ImportRequest request, InventoryCatalog catalog, List<Problem> problems) {
        if (request.ownerId() == null) {
            problems.add(Problem.block(ProblemCode.REQUEST_INVALID, "owner",
                    "no owner given; expected the id of an existing owner"));
            return new CatalogAccess(null, false);
        }
        Optional<Owner> owner = catalog.owner(request.ownerId());
        if (owner.isEmpty()) {
            problems.add(Problem.block(ProblemCode.OWNER_NOT_FOUND, "owner", "owner "
                    + SafeText.quoted(request.ownerId()) + " does not exist; expected an existing owner id"));
        }
        return new CatalogAccess(request.ownerId(), owner.isPresent());
    }

    private static void checkTemplate(ImportRequest request, InventoryCatalog catalog, CatalogAccess access,
                                      List<Problem> problems) {
        if (request.templateId() == null) {
            return;
        }
        Optional<Template> template = catalog.template(request.templateId());
        if (template.isEmpty()) {
            problems.add(Problem.block(ProblemCode.TEMPLATE_NOT_FOUND, "template", "template "
                    + SafeText.quoted(request.templateId()) + " does not exist; expected an existing template id"));
        } else {
            access.check(template.get(), "template", "template", problems);
        }
    }

    private static void checkDisplayName(ImportRequest request, String displayName, List<Problem> problems) {
        HostNames.whyInvalid(displayName).ifPresent(why -> problems.add(Problem.block(ProblemCode.NAME_INVALID,
                "displayName", (request.displayName() == null ? "instance name " : "display name ")
                        + SafeText.quoted(displayName) + " is not a valid host name because " + why + "; expected "
                        + HostNames.EXPECTED + (request.displayName() == null ? "; give a display name" : ""))));
    }
}
