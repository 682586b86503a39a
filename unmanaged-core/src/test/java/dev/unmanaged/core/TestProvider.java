package dev.unmanaged.core;

import dev.unmanaged.api.error.HostUnavailableException;
import dev.unmanaged.api.error.InstanceNotFoundException;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.spi.HypervisorInstanceProvider;
import dev.unmanaged.api.spi.ProviderCapability;
import dev.unmanaged.api.spi.UnmanagePreparation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A scripted provider for core tests: hosts, instances, dead hosts, slow hosts and one-shot faults. */
final class TestProvider implements HypervisorInstanceProvider {
    private final String kind;
    private final Map<String, List<InstanceDescriptor>> instancesByHost = new ConcurrentHashMap<>();
    private final Set<String> deadHosts = ConcurrentHashMap.newKeySet();
    private final Map<String, Duration> latencyByHost = new ConcurrentHashMap<>();
    private final Map<String, RuntimeException> nextFailure = new ConcurrentHashMap<>();
    final Set<UUID> persistent = ConcurrentHashMap.newKeySet();
    final AtomicInteger prepareCalls = new AtomicInteger();

    TestProvider(String kind) {
        this.kind = kind;
    }

    TestProvider add(Host host, InstanceDescriptor... instances) {
        instancesByHost.computeIfAbsent(host.id(), h -> new CopyOnWriteArrayList<>()).addAll(List.of(instances));
        return this;
    }

    TestProvider dead(Host host) {
        deadHosts.add(host.id());
        return this;
    }

    TestProvider slow(Host host, Duration latency) {
        latencyByHost.put(host.id(), latency);
        return this;
    }

    /** The next call of {@code operation} (list, describe, prepare) fails with {@code failure}. */
    void failNext(String operation, RuntimeException failure) {
        nextFailure.put(operation, failure);
    }

    @Override
    public String hypervisor() {
        return kind;
    }

    @Override
    public Set<ProviderCapability> capabilities() {
        return Set.of(ProviderCapability.TRANSIENT_INSTANCES);
    }

    @Override
    public List<InstanceDescriptor> listInstances(Host host) {
        enter("list", host);
        return new ArrayList<>(instancesByHost.getOrDefault(host.id(), List.of()));
    }

    @Override
    public InstanceDescriptor describeInstance(Host host, String nameOrUuid) {
        enter("describe", host);
        return instancesByHost.getOrDefault(host.id(), List.of()).stream()
                .filter(d -> d.isIdentifiedBy(nameOrUuid)).findFirst()
                .orElseThrow(() -> new InstanceNotFoundException(nameOrUuid, host.id()));
    }

    @Override
    public UnmanagePreparation prepareForUnmanage(Host host, UUID uuid) {
        enter("prepare", host);
        prepareCalls.incrementAndGet();
        describeInstance(host, uuid.toString());
        return new UnmanagePreparation(uuid, persistent.add(uuid));
    }

    private void enter(String operation, Host host) {
        if (deadHosts.contains(host.id())) {
            throw new HostUnavailableException(host.id(), "connection refused", null);
        }
        RuntimeException failure = nextFailure.remove(operation);
        if (failure != null) {
            throw failure;
        }
        Duration latency = latencyByHost.get(host.id());
        if (latency != null) {
            try {
                Thread.sleep(latency.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HostUnavailableException(host.id(), "interrupted", e);
            }
        }
    }
}
