package dev.unmanaged.core;

import dev.unmanaged.api.operation.BulkResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running bulk operation. {@link #cancel()} stops it from starting more items: items already running finish
 * (each one is atomic), items not yet started get a {@code CANCELLED} outcome.
 *
 * @param <T> the result type of one item
 */
public final class BulkOperation<T> {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final CompletableFuture<BulkResult<T>> result = new CompletableFuture<>();

    BulkOperation() {
    }

    /** Asks the operation to start no further items. Returns true if this call cancelled it. */
    public boolean cancel() {
        return cancelled.compareAndSet(false, true);
    }

    /** True once {@link #cancel()} was called. */
    public boolean isCancelled() {
        return cancelled.get();
    }

    /** True when every item has an outcome. */
    public boolean isDone() {
        return result.isDone();
    }

    /** Waits for every item's outcome. */
    public BulkResult<T> await() throws InterruptedException {
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw propagate(e);
        }
    }

    /**
     * Waits at most {@code timeout} for every item's outcome.
     *
     * @throws TimeoutException when the operation is still running
     */
    public BulkResult<T> await(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw propagate(e);
        }
    }

    /** Completes with the result when every item has an outcome. */
    public CompletionStage<BulkResult<T>> completion() {
        return result.copy();
    }

    CompletableFuture<BulkResult<T>> future() {
        return result;
    }

    private static RuntimeException propagate(ExecutionException e) {
        // Items never fail the whole operation; only a defect in the runner itself ends up here.
        return e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
    }
}
