package dev.unmanaged.api.operation;

import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.internal.Copies;
import dev.unmanaged.api.inventory.ManagedInstance;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of validating an import: every problem at once, and what would be recorded.
 *
 * @param request  the request
 * @param instance the instance as re-read live from its host; null when it could not be found
 * @param problems every problem found, blocking and warnings
 * @param proposed the record an import would write (automatic addresses shown as planned); null when the
 *                 plan is blocked so badly that no record can be formed
 */
public record ImportPlan(ImportRequest request, @Nullable InstanceDescriptor instance, List<Problem> problems,
                         @Nullable ManagedInstance proposed) {
    public ImportPlan {
        Objects.requireNonNull(request, "request");
        problems = Copies.list(problems);
    }

    /** True when no problem blocks the import. */
    public boolean importable() {
        return proposed != null && problems.stream().noneMatch(Problem::blocks);
    }

    /** The blocking problems. */
    public List<Problem> blockingProblems() {
        return problems.stream().filter(Problem::blocks).toList();
    }
}
