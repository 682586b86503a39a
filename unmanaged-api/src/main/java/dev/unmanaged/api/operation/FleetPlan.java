package dev.unmanaged.api.operation;

import dev.unmanaged.api.internal.Copies;
import java.util.List;

/**
 * The plans of every unmanaged instance a {@link FleetRequest} selected, each with every problem, and the hosts
 * that could not be listed. Nothing was written.
 *
 * @param plans    one plan per instance, sorted by host, then name
 * @param failures hosts that could not be listed, with their typed errors
 */
public record FleetPlan(List<ImportPlan> plans, List<HostFailure> failures) {
    public FleetPlan {
        plans = Copies.list(plans);
        failures = Copies.list(failures);
    }

    /** The plans that can go ahead. */
    public List<ImportPlan> importable() {
        return plans.stream().filter(ImportPlan::importable).toList();
    }

    /** The plans a problem blocks. */
    public List<ImportPlan> blocked() {
        return plans.stream().filter(plan -> !plan.importable()).toList();
    }

    /** The requests of the importable plans, each completed by the map, ready for a bulk import. */
    public List<ImportRequest> importableRequests() {
        return importable().stream().map(ImportPlan::request).toList();
    }
}
