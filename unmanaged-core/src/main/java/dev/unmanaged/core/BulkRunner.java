package dev.unmanaged.core;

import dev.unmanaged.api.error.ProviderFailureException;
import dev.unmanaged.api.error.UnmanagedException;
import dev.unmanaged.api.operation.BulkOutcome;
import dev.unmanaged.api.operation.BulkResult;
import dev.unmanaged.api.text.RedactedFailure;
import dev.unmanaged.api.text.SafeText;
import dev.unmanaged.api.text.SecretRedaction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one workflow over many items with at most {@code concurrency} at a time. Each item gets exactly one
 * outcome, in request order; after cancellation no new item starts and the ones left get CANCELLED.
 */
final class BulkRunner {
    private static final Logger LOG = LoggerFactory.getLogger(BulkRunner.class);

    private final Executor executor;
    private final int concurrency;

    BulkRunner(Executor executor, int concurrency) {
        this.executor = executor;
        this.concurrency = concurrency;
    }

    /**
     * Starts the items.
     *
     * @param items    the items, in request order
     * @param keyOf    an item's instance key, for outcomes and logs
     * @param work     the workflow for one item
     * @param listener told about each finished item
     */
    <I, T> BulkOperation<T> start(List<I> items, Function<I, String> keyOf, Function<I, T> work,
                                  BulkProgressListener<T> listener) {
        int lanes = Math.max(1, Math.min(concurrency, items.size()));
        var run = new Run<>(List.copyOf(items), keyOf, work, listener, lanes);
        if (items.isEmpty()) {
            run.finish();
            return run.operation;
        }
        for (int lane = 0; lane < lanes; lane++) {
            try {
                executor.execute(run::drain);
            } catch (RejectedExecutionException e) {
                run.laneEnded(); // the lanes that did start drain every item
            }
        }
        return run.operation;
    }

    private static final class Run<I, T> {
        final BulkOperation<T> operation = new BulkOperation<>();
        private final List<I> items;
        private final Function<I, String> keyOf;
        private final Function<I, T> work;
        private final BulkProgressListener<T> listener;
        private final AtomicReferenceArray<BulkOutcome<T>> outcomes;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicInteger lanesRunning;

        Run(List<I> items, Function<I, String> keyOf, Function<I, T> work, BulkProgressListener<T> listener,
            int lanes) {
            this.items = items;
            this.keyOf = keyOf;
            this.work = work;
            this.listener = listener;
            this.outcomes = new AtomicReferenceArray<>(items.size());
            this.lanesRunning = new AtomicInteger(lanes);
        }

        void drain() {
            try {
                while (!operation.isCancelled()) {
                    int index = next.getAndIncrement();
                    if (index >= items.size()) {
                        break;
                    }
                    record(runOne(index));
                }
            } finally {
                laneEnded();
            }
        }

        private BulkOutcome<T> runOne(int index) {
            I item = items.get(index);
            String key = safeKey(item);
            try {
                return BulkOutcome.succeeded(index, key, work.apply(item));
            } catch (UnmanagedException e) {
                return BulkOutcome.failed(index, key, e);
            } catch (RuntimeException e) {
                String why = e.getClass().getName() + ": " + SafeText.of(SecretRedaction.messageOf(e));
                LOG.warn("Bulk item {} ({}) failed unexpectedly: {}", index, SafeText.quoted(key), why);
                return BulkOutcome.failed(index, key, new ProviderFailureException(
                        "unexpected failure of " + SafeText.quoted(key) + ": " + why, RedactedFailure.of(e)));
            }
        }

        private String safeKey(I item) {
            try {
                return keyOf.apply(item);
            } catch (RuntimeException e) {
                return String.valueOf(item);
            }
        }

        /** Serialised, so that listeners see {@code done} grow by one per call and are never called at once. */
        private synchronized void record(BulkOutcome<T> outcome) {
            outcomes.set(outcome.index(), outcome);
            int count = done.incrementAndGet();
            try {
                listener.onProgress(new BulkProgress<>(count, items.size(), outcome));
            } catch (RuntimeException e) {
                LOG.warn("Bulk progress listener failed and was skipped: {}", SafeText.of(e));
            }
        }

        void laneEnded() {
            if (lanesRunning.decrementAndGet() == 0) {
                finish();
            }
        }

        synchronized void finish() {
            if (operation.isDone()) {
                return;
            }
            var all = new ArrayList<BulkOutcome<T>>(outcomes.length());
            for (int index = 0; index < outcomes.length(); index++) {
                if (outcomes.get(index) == null) {
                    String key = safeKey(items.get(index));
                    record(operation.isCancelled() ? BulkOutcome.cancelled(index, key)
                            : BulkOutcome.failed(index, key, new ProviderFailureException(
                                    "not run: the executor refused the work", null)));
                }
            }
            for (int index = 0; index < outcomes.length(); index++) {
                all.add(outcomes.get(index));
            }
            var result = new BulkResult<>(all);
            LOG.info("Bulk operation finished: {} succeeded, {} failed, {} cancelled",
                    result.count(BulkOutcome.Status.SUCCEEDED), result.count(BulkOutcome.Status.FAILED),
                    result.count(BulkOutcome.Status.CANCELLED));
            operation.future().complete(result);
        }
    }
}
