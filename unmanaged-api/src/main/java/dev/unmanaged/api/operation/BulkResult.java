package dev.unmanaged.api.operation;

import dev.unmanaged.api.internal.Copies;
import java.util.List;

/**
 * The outcomes of a bulk operation, one per item, in request order.
 *
 * @param outcomes one outcome per item
 * @param <T>      the result type of one item
 */
public record BulkResult<T>(List<BulkOutcome<T>> outcomes) {
    public BulkResult {
        outcomes = Copies.list(outcomes);
    }

    /** How many items have {@code status}. */
    public long count(BulkOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    /** True when every item succeeded. */
    public boolean allSucceeded() {
        return count(BulkOutcome.Status.SUCCEEDED) == outcomes.size();
    }
}
