package dev.unmanaged.core;

import dev.unmanaged.api.operation.BulkOutcome;
import java.util.Objects;

/**
 * Progress of a bulk operation after one item finished (or was cancelled).
 *
 * @param done    how many items have an outcome now, this one included
 * @param total   how many items the operation has
 * @param outcome the outcome of the item that just finished
 * @param <T>     the result type of one item
 */
public record BulkProgress<T>(int done, int total, BulkOutcome<T> outcome) {
    public BulkProgress {
        Objects.requireNonNull(outcome, "outcome");
    }
}
