package dev.unmanaged.benchmarks.imports;

import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.spi.HypervisorInstanceProvider;
import dev.unmanaged.api.spi.ProviderCapability;
import dev.unmanaged.api.spi.UnmanagePreparation;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Passes every call to a provider and notes when each instance was first described: an import starts by
 * re-reading its instance from the host, so that moment is when the import began working (time spent queued
 * in the bulk operation before it is not counted).
 */
final class TimedProvider implements HypervisorInstanceProvider {
    private final HypervisorInstanceProvider delegate;
    private final Map<String, Long> firstDescribedNanos = new ConcurrentHashMap<>();

    TimedProvider(HypervisorInstanceProvider delegate) {
        this.delegate = delegate;
    }

    /** When {@code nameOrUuid} was first described, as {@link System#nanoTime()}; null when it never was. */
    Long firstDescribed(String nameOrUuid) {
        return firstDescribedNanos.get(nameOrUuid);
    }

    void clear() {
        firstDescribedNanos.clear();
    }

    @Override
    public String hypervisor() {
        return delegate.hypervisor();
    }

    @Override
    public Set<ProviderCapability> capabilities() {
        return delegate.capabilities();
    }

    @Override
    public List<InstanceDescriptor> listInstances(Host host) {
        return delegate.listInstances(host);
    }

    @Override
    public InstanceDescriptor describeInstance(Host host, String nameOrUuid) {
        firstDescribedNanos.putIfAbsent(nameOrUuid, System.nanoTime());
        return delegate.describeInstance(host, nameOrUuid);
    }

    @Override
    public UnmanagePreparation prepareForUnmanage(Host host, UUID uuid) {
        return delegate.prepareForUnmanage(host, uuid);
    }
}
