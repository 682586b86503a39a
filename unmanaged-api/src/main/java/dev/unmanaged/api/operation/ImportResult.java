package dev.unmanaged.api.operation;

import dev.unmanaged.api.inventory.ManagedInstance;
import java.util.Objects;

/**
 * A completed import.
 *
 * @param instance      the managed record
 * @param plan          the plan it was imported under
 * @param alreadyExisted true when the same request had already succeeded and the existing record is returned
 */
public record ImportResult(ManagedInstance instance, ImportPlan plan, boolean alreadyExisted) {
    public ImportResult {
        Objects.requireNonNull(instance, "instance");
    }
}
