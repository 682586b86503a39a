package dev.unmanaged.console;

import dev.unmanaged.api.operation.BulkOutcome;
import dev.unmanaged.api.operation.BulkResult;
import dev.unmanaged.api.operation.FleetPlan;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.ImportResult;
import dev.unmanaged.core.BulkOperation;
import dev.unmanaged.core.BulkProgress;
import dev.unmanaged.core.BulkProgressListener;
import dev.unmanaged.core.UnmanagedInstances;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Bulk imports started over the API. Each runs in the background, reports every finished item as a {@code bulk}
 * event, and can be asked for its state by id until {@link #KEPT} newer ones have started.
 */
final class BulkImports implements AutoCloseable {
    /** How many bulk imports are remembered. */
    static final int KEPT = 32;

    private final UnmanagedInstances instances;
    private final EventStream events;
    private final Map<String, Job> jobs = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Job> eldest) {
            return size() > KEPT;
        }
    };

    BulkImports(UnmanagedInstances instances, EventStream events) {
        this.instances = instances;
        this.events = events;
    }

    /** One bulk import: its size, how far it is, and its result once done. */
    private record Job(String id, int total, AtomicInteger done, BulkOperation<ImportResult> operation) {
    }

    /** Starts importing {@code requests}; the state's id names it from then on. */
    Map<String, Object> start(List<ImportRequest> requests) {
        return start(requests.size(), progress -> instances.importAll(requests, progress));
    }

    /**
     * Starts importing the importable plans of {@code plan}; its state also holds the plans that are blocked and
     * the hosts that could not be listed, which are not imported.
     */
    Map<String, Object> startFleet(FleetPlan plan) {
        Map<String, Object> state = start(plan.importable().size(), progress -> instances.importFleet(plan, progress));
        state.put("blocked", plan.blocked());
        state.put("failures", plan.failures());
        return state;
    }

    private Map<String, Object> start(int total,
                                      Function<BulkProgressListener<ImportResult>, BulkOperation<ImportResult>> run) {
        String id = UUID.randomUUID().toString();
        var done = new AtomicInteger();
        BulkOperation<ImportResult> operation = run.apply(progress -> report(id, done, progress));
        Job job = new Job(id, total, done, operation);
        synchronized (jobs) {
            jobs.put(id, job);
        }
        return state(job);
    }

    private void report(String id, AtomicInteger done, BulkProgress<ImportResult> progress) {
        done.set(progress.done());
        BulkOutcome<ImportResult> outcome = progress.outcome();
        var event = new LinkedHashMap<String, Object>();
        event.put("id", id);
        event.put("done", progress.done());
        event.put("total", progress.total());
        event.put("key", outcome.key());
        event.put("status", outcome.status().name());
        event.put("error", outcome.error());
        events.publish("bulk", event);
    }

    /** The state of the bulk import {@code id}, if it is remembered. */
    Optional<Map<String, Object>> state(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id)).map(BulkImports::state);
        }
    }

    private static Map<String, Object> state(Job job) {
        var state = new LinkedHashMap<String, Object>();
        state.put("id", job.id());
        state.put("total", job.total());
        state.put("done", job.done().get());
        state.put("finished", job.operation().isDone());
        state.put("result", job.operation().isDone() ? result(job.operation()) : null);
        return state;
    }

    private static BulkResult<ImportResult> result(BulkOperation<ImportResult> operation) {
        try {
            return operation.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Stops starting more items of every running bulk import; running items finish. */
    @Override
    public void close() {
        synchronized (jobs) {
            jobs.values().forEach(job -> job.operation().cancel());
        }
    }
}
