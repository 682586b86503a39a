package dev.unmanaged.core;

import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.inventory.Catalog;
import dev.unmanaged.api.operation.FleetPlan;
import dev.unmanaged.api.operation.FleetRequest;
import dev.unmanaged.api.operation.ImportPlan;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.InstanceListing;
import dev.unmanaged.api.spi.InventoryCatalog;
import dev.unmanaged.api.spi.InventoryStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans every unmanaged instance of a selection of hosts under one map: the hosts are listed in parallel, with
 * their storage details (snapshots, block jobs, disk pools: every plan reads them), and each instance is planned
 * against the listing's fresh descriptor, without asking its host again, and against catalog entries read once for
 * the whole fleet.
 */
final class FleetPlanner {
    private static final Logger LOG = LoggerFactory.getLogger(FleetPlanner.class);

    private final InstanceLister lister;
    private final ImportPlanner planner;
    private final InventoryStore store;

    FleetPlanner(InstanceLister lister, ImportPlanner planner, InventoryStore store) {
        this.lister = lister;
        this.planner = planner;
        this.store = store;
    }

    FleetPlan plan(FleetRequest request) {
        ImportMaps.requireKnownIds(request.map(), store.catalog());
        InstanceListing listing = lister.list(request.selection().withPage(0, 0).withStorage(true));
        Map<String, Host> hosts = request.selection().hosts().stream()
                .collect(Collectors.toMap(Host::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        InventoryCatalog entries = new EntriesReadOnceCatalog(store.catalog());
        Catalog catalog = entries.snapshot();
        NameGlob glob = NameGlob.of(request.namePattern());
        var plans = new ArrayList<ImportPlan>();
        for (InstanceDescriptor instance : listing.instances()) {
            if (glob.matches(instance.name())) {
                plans.add(planOne(request, hosts.get(instance.hostId()), instance, catalog, entries));
            }
        }
        FleetPlan fleet = new FleetPlan(plans, listing.failures());
        LOG.info("Planned {} instance(s) on {} host(s): {} importable, {} host(s) not listed", plans.size(),
                hosts.size(), fleet.importable().size(), listing.failures().size());
        return fleet;
    }

    /** A fleet item's key in bulk outcomes: {@code name on host-id}, as names repeat across hosts. */
    static String keyOf(ImportPlan plan) {
        String name = plan.instance() == null ? plan.request().instance() : plan.instance().name();
        return name + " on " + plan.request().host().id();
    }

    private ImportPlan planOne(FleetRequest fleet, Host host, InstanceDescriptor instance, Catalog catalog,
                               InventoryCatalog entries) {
        String key = instance.uuid() == null ? instance.name() : instance.uuid().toString();
        ImportRequest request = new ImportRequest(host, key, fleet.ownerId(), null, fleet.offeringId(), null, null,
                null, null, null, null, null, fleet.options());
        MappedRequest mapped = MappedRequest.of(fleet.map(), request, instance, catalog.offerings(),
                catalog.pools());
        return planner.plan(mapped.request(), instance, mapped.problems(), entries).plan();
    }
}
