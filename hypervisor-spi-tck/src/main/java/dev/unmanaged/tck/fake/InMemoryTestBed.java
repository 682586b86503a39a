package dev.unmanaged.tck.fake;

import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.MemoryDescriptor;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.tck.InstanceSpec;
import dev.unmanaged.tck.TestBed;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@link TestBed} of {@link InMemoryHypervisorProvider}: creates instances by scripting the provider's host
 * directly. Its unreachable host is a second host of the provider scripted as unreachable.
 */
public final class InMemoryTestBed implements TestBed {
    private final InMemoryHypervisorProvider hypervisor;
    private final Host host;
    private final Host unreachable;

    /** A bed on a new host {@code hostId} of {@code hypervisor}. */
    public InMemoryTestBed(InMemoryHypervisorProvider hypervisor, String hostId) {
        this.hypervisor = hypervisor;
        this.host = hypervisor.addHost(hostId);
        this.unreachable = hypervisor.addHost(hostId + "-unreachable");
        hypervisor.setUnreachable(unreachable.id(), true);
    }

    @Override
    public Host host() {
        return host;
    }

    @Override
    public Optional<Host> unreachableHost() {
        return Optional.of(unreachable);
    }

    @Override
    public UUID create(InstanceSpec spec) {
        InstanceDescriptors.Builder builder = InstanceDescriptors.named(spec.name())
                .hypervisor(hypervisor.hypervisor())
                .powerState(spec.state())
                .persistent(spec.persistent())
                .vcpus(spec.vcpus())
                .memory(MemoryDescriptor.ofBytes(spec.memoryBytes()))
                .noDisks()
                .noNics();
        spec.disks().forEach(d -> builder.disk(d.deviceName(), d.capacityBytes()));
        spec.nics().forEach(n -> builder.nic(n.mac(), "br0"));
        InstanceDescriptor stored = hypervisor.putInstance(host.id(), builder.build(), spec.graphicsPassword());
        return stored.uuid();
    }

    @Override
    public Optional<Optional<String>> graphicsPasswordOf(UUID uuid) {
        return Optional.of(hypervisor.graphicsPassword(host.id(), uuid));
    }

    @Override
    public void shutDown(UUID uuid) {
        hypervisor.setPowerState(host.id(), uuid, PowerState.STOPPED);
    }

    @Override
    public void remove(UUID uuid) {
        hypervisor.removeInstance(host.id(), uuid);
    }
}
