package dev.unmanaged.core;

import dev.unmanaged.api.error.HostUnavailableException;
import dev.unmanaged.api.error.ProviderFailureException;
import dev.unmanaged.api.error.UnmanagedException;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.text.RedactedFailure;
import dev.unmanaged.api.text.SafeText;
import dev.unmanaged.api.text.SecretRedaction;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs calls to a host's provider with a deadline. The deadline counts from the moment the call starts on a
 * worker thread; when it passes the caller gets a {@link HostUnavailableException} at once and the worker is
 * interrupted, even if the provider ignores the interrupt.
 */
final class ProviderCallsWithDeadline {
    private final Executor executor;
    private final ScheduledExecutorService timer;

    ProviderCallsWithDeadline(Executor executor, ScheduledExecutorService timer) {
        this.executor = executor;
        this.timer = timer;
    }

    /** Runs {@code work} and waits for it; errors are typed {@link UnmanagedException}s. */
    <T> T call(Host host, Duration deadline, String what, Supplier<T> work) {
        CompletableFuture<T> future = submit(host, deadline, what, work);
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new HostUnavailableException(host.id(), "the wait for " + what + " was interrupted", e);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    /** Starts {@code work}; the future fails with a typed {@link UnmanagedException}. */
    <T> CompletableFuture<T> submit(Host host, Duration deadline, String what, Supplier<T> work) {
        var result = new CompletableFuture<T>();
        try {
            executor.execute(() -> runTimed(host, deadline, what, work, result));
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new ProviderFailureException(
                    "cannot run " + what + " on host " + SafeText.host(host.id()) + ": the executor refused it", e));
        }
        return result;
    }

    private <T> void runTimed(Host host, Duration deadline, String what, Supplier<T> work,
                              CompletableFuture<T> result) {
        var worker = new Worker(Thread.currentThread());
        ScheduledFuture<?> alarm = timer.schedule(() -> {
            boolean timedOut = result.completeExceptionally(new HostUnavailableException(host.id(),
                    "no answer to " + what + " within " + deadline.toMillis() + " ms", null));
            if (timedOut) {
                worker.interrupt();
            }
        }, deadline.toNanos(), TimeUnit.NANOSECONDS);
        try {
            result.complete(work.get());
        } catch (Throwable t) {
            result.completeExceptionally(translate(host, what, t));
            if (t instanceof VirtualMachineError vme) {
                throw vme;
            }
        } finally {
            alarm.cancel(false);
            worker.finish();
        }
    }

    /**
     * {@code t} as a typed error. A provider's typed error is passed on as it is (its messages are the
     * provider's contract); anything else is someone else's text, so its message and causes are redacted.
     */
    static UnmanagedException translate(Host host, String what, Throwable t) {
        if (t instanceof CompletionException || t instanceof ExecutionException) {
            return translate(host, what, t.getCause() == null ? t : t.getCause());
        }
        if (t instanceof UnmanagedException ue) {
            return ue;
        }
        return new ProviderFailureException(what + " on host " + SafeText.host(host.id()) + " failed: "
                + t.getClass().getSimpleName() + ": " + SafeText.of(SecretRedaction.redact(t.getMessage())),
                RedactedFailure.of(t));
    }

    static UnmanagedException unwrap(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof UnmanagedException ue) {
            return ue;
        }
        return new ProviderFailureException("unexpected failure: " + cause.getClass().getName() + ": "
                + SafeText.of(SecretRedaction.messageOf(cause)), RedactedFailure.of(cause));
    }

    /** Interrupts the worker only while it still runs this call, never a later task on the same thread. */
    private static final class Worker {
        private final Thread thread;
        private boolean running = true;

        Worker(Thread thread) {
            this.thread = thread;
        }

        synchronized void interrupt() {
            if (running) {
                thread.interrupt();
            }
        }

        synchronized void finish() {
            running = false;
            Thread.interrupted(); // an interrupt meant for this call must not leak into the next task
        }
    }
}
