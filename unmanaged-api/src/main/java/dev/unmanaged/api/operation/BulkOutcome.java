package dev.unmanaged.api.operation;

import dev.unmanaged.api.error.UnmanagedException;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one item of a bulk operation.
 *
 * @param index  the item's position in the bulk request
 * @param key    the item's instance key (UUID or name)
 * @param status succeeded, failed or cancelled
 * @param result the result when it succeeded, else null
 * @param error  the typed error when it failed, else null
 * @param <T>    the result type
 */
public record BulkOutcome<T>(int index, String key, Status status, @Nullable T result,
                             @Nullable UnmanagedException error) {
    /** What happened to the item. */
    public enum Status {
        /** The item was done; {@code result} holds what it produced. */
        SUCCEEDED,
        /** The item failed; {@code error} says why, typed. */
        FAILED,
        /** The operation was cancelled before the item started; nothing was done for it. */
        CANCELLED
    }

    /** A success. */
    public static <T> BulkOutcome<T> succeeded(int index, String key, T result) {
        return new BulkOutcome<>(index, key, Status.SUCCEEDED, result, null);
    }

    /** A failure. */
    public static <T> BulkOutcome<T> failed(int index, String key, UnmanagedException error) {
        return new BulkOutcome<>(index, key, Status.FAILED, null, error);
    }

    /** An item that was not run because the bulk operation was cancelled. */
    public static <T> BulkOutcome<T> cancelled(int index, String key) {
        return new BulkOutcome<>(index, key, Status.CANCELLED, null, null);
    }
}
