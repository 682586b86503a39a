package dev.unmanaged.kvm;

import dev.unmanaged.api.instance.InstanceDescriptor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;

/**
 * Reads the domains of one listing, a bounded number at a time, on the host's shared connection. With the
 * listing's {@link BulkDomainFacts} each domain costs one round trip to the host (its definition), more where
 * the bulk calls missed a detail; libvirt connections are thread-safe and carry concurrent calls, so reading a
 * few domains at once hides most of the latency of a remote host.
 */
final class ParallelDomainListing {
    private final DomainDescriber describer;
    private final int parallelism;
    private final ExecutorService helpers;

    ParallelDomainListing(DomainDescriber describer, int parallelism, ExecutorService helpers) {
        this.describer = describer;
        this.parallelism = parallelism;
        this.helpers = helpers;
    }

    /**
     * The descriptors of {@code domains}, in their order, without those that vanished; what {@code bulk} holds
     * is not asked again, and the storage details are read only when {@code storage} is true. Returns only when no
     * helper touches a domain any more, so that the caller may free them.
     *
     * @throws LibvirtException when the connection was lost
     */
    List<InstanceDescriptor> readAll(Connect connect, Domain[] domains, String hostId, BulkDomainFacts bulk,
                                     boolean storage) throws LibvirtException {
        InstanceDescriptor[] read = new InstanceDescriptor[domains.length];
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        Runnable share = () -> {
            for (int i = next.getAndIncrement(); i < domains.length && !stop.get(); i = next.getAndIncrement()) {
                try {
                    read[i] = describer.read(connect, domains[i], hostId, bulk, storage).orElse(null);
                } catch (LibvirtException e) {
                    stop.set(true);
                    throw new ConnectionLost(e);
                } catch (RuntimeException | Error e) {
                    stop.set(true);
                    throw e;
                }
            }
        };
        List<Future<?>> started = new ArrayList<>();
        try {
            for (int k = 1; k < Math.min(parallelism, domains.length); k++) {
                started.add(helpers.submit(share));
            }
        } catch (RejectedExecutionException closing) {
            // The provider is being closed: this thread reads what the helpers would have.
        }
        Throwable failure = null;
        try {
            share.run();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        failure = awaitAll(started, stop, failure);
        if (failure instanceof ConnectionLost lost) {
            throw lost.libvirtError;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return Arrays.stream(read).filter(Objects::nonNull).toList();
    }

    /** Waits for every helper, even when interrupted: libvirt calls cannot be interrupted, and domains get freed. */
    private static Throwable awaitAll(List<Future<?>> started, AtomicBoolean stop, Throwable failure) {
        boolean interrupted = false;
        for (Future<?> helper : started) {
            while (true) {
                try {
                    helper.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    stop.set(true);
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause();
                    }
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return failure;
    }

    /** Carries a lost connection's libvirt error out of a helper. */
    private static final class ConnectionLost extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient LibvirtException libvirtError;

        ConnectionLost(LibvirtException cause) {
            super(null, null, false, false);
            this.libvirtError = cause;
        }
    }
}
