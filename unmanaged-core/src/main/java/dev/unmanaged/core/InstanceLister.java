package dev.unmanaged.core;

import dev.unmanaged.api.error.HostUnavailableException;
import dev.unmanaged.api.error.UnmanagedException;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.operation.HostFailure;
import dev.unmanaged.api.operation.InstanceListing;
import dev.unmanaged.api.operation.ListQuery;
import dev.unmanaged.api.spi.InventoryStore;
import dev.unmanaged.api.spi.ListingDetail;
import dev.unmanaged.api.text.SafeText;
import dev.unmanaged.api.text.SecretRedaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists unmanaged instances over many hosts at once: at most {@code parallelism} hosts are asked at a time,
 * each within its deadline; a host that fails or is late is reported, never shown as empty.
 */
final class InstanceLister {
    private static final Logger LOG = LoggerFactory.getLogger(InstanceLister.class);

    private static final Comparator<InstanceDescriptor> BY_HOST_THEN_NAME = Comparator
            .comparing(InstanceDescriptor::hostId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(InstanceDescriptor::name)
            .thenComparing(d -> String.valueOf(d.uuid()));

    private final ProviderRegistry providers;
    private final InventoryStore store;
    private final ProviderCallsWithDeadline hostCalls;
    private final int parallelism;
    private final Duration defaultDeadline;

    InstanceLister(ProviderRegistry providers, InventoryStore store, ProviderCallsWithDeadline hostCalls,
                   int parallelism, Duration defaultDeadline) {
        this.providers = providers;
        this.store = store;
        this.hostCalls = hostCalls;
        this.parallelism = parallelism;
        this.defaultDeadline = defaultDeadline;
    }

    InstanceListing list(ListQuery query) {
        Duration deadline = query.hostDeadline() == null ? defaultDeadline : query.hostDeadline();
        Map<String, Host> hosts = hostsToAsk(query);
        Set<ListingDetail> details = query.details();
        Map<String, CompletableFuture<List<InstanceDescriptor>>> answers = askAll(hosts, deadline, details);

        var failures = new ArrayList<HostFailure>();
        var found = new ArrayList<InstanceDescriptor>();
        answers.forEach((hostId, answer) -> {
            try {
                found.addAll(answer.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.add(new HostFailure(hostId,
                        new HostUnavailableException(hostId, "the listing was interrupted", e)));
            } catch (ExecutionException e) {
                UnmanagedException error = ProviderCallsWithDeadline.unwrap(e.getCause());
                LOG.warn("Host {} could not be listed: {}", SafeText.host(hostId),
                        SafeText.of(SecretRedaction.redact(error.getMessage())));
                failures.add(new HostFailure(hostId, error));
            }
        });

        Set<UUID> managed = store.list().stream().map(ManagedInstance::uuid).collect(Collectors.toSet());
        List<InstanceDescriptor> matching = found.stream()
                .filter(d -> d.uuid() == null || !managed.contains(d.uuid()))
                .filter(d -> NameFilter.matches(query.nameContains(), d.name()))
                .filter(d -> query.states().isEmpty() || query.states().contains(d.powerState()))
                .sorted(BY_HOST_THEN_NAME)
                .toList();
        List<InstanceDescriptor> page = Paging.page(matching, query.offset(), query.limit());
        LOG.debug("Listing asked {} host(s): {} unmanaged instance(s) match, {} returned, {} host(s) failed",
                hosts.size(), matching.size(), page.size(), failures.size());
        return new InstanceListing(page, matching.size(), failures);
    }

    /** The query's hosts, once each, restricted to its host filter. */
    static Map<String, Host> hostsToAsk(ListQuery query) {
        var hosts = new LinkedHashMap<String, Host>();
        for (Host host : query.hosts()) {
            if (query.hostIds().isEmpty() || query.hostIds().contains(host.id())) {
                hosts.putIfAbsent(host.id(), host);
            }
        }
        return hosts;
    }

    private Map<String, CompletableFuture<List<InstanceDescriptor>>> askAll(Map<String, Host> hosts,
                                                                            Duration deadline,
                                                                            Set<ListingDetail> details) {
        var slots = new Semaphore(parallelism);
        var answers = new LinkedHashMap<String, CompletableFuture<List<InstanceDescriptor>>>();
        for (Host host : hosts.values()) {
            CompletableFuture<List<InstanceDescriptor>> answer;
            try {
                var provider = providers.providerFor(host);
                slots.acquire();
                answer = hostCalls.submit(host, deadline, "listing",
                        () -> listedOn(host, provider.listInstances(host, details)));
                // A slot frees when the host answers or its deadline passes, so a hung host holds it no longer.
                answer.whenComplete((r, e) -> slots.release());
            } catch (UnmanagedException e) {
                answer = CompletableFuture.failedFuture(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                answer = CompletableFuture.failedFuture(
                        new HostUnavailableException(host.id(), "the listing was interrupted before asking", e));
            }
            answers.put(host.id(), answer);
        }
        return answers;
    }

    /** Every descriptor says which host it was listed on, whatever the provider filled in. */
    private static List<InstanceDescriptor> listedOn(Host host, List<InstanceDescriptor> listed) {
        if (listed == null) {
            return List.of();
        }
        return listed.stream()
                .map(d -> host.id().equals(d.hostId()) ? d : d.onHost(host.id(), d.powerState(), d.persistent()))
                .toList();
    }

}
