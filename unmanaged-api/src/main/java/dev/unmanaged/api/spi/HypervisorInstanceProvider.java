package dev.unmanaged.api.spi;

import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Lists, describes and prepares instances on the hosts of one hypervisor kind. Implementations are found with
 * {@link java.util.ServiceLoader}, must have a public no-argument constructor and be safe for use by many
 * threads at once. Every failure is reported as a typed {@link dev.unmanaged.api.error.UnmanagedException}:
 * {@link dev.unmanaged.api.error.HostUnavailableException} when the host cannot be reached,
 * {@link dev.unmanaged.api.error.InstanceNotFoundException} for an unknown instance, and so on.
 */
public interface HypervisorInstanceProvider extends AutoCloseable {
    /** The hypervisor kind served, matched against {@link Host#hypervisor()}, e.g. {@code kvm}. */
    String hypervisor();

    /** The optional behaviour this provider has. */
    Set<ProviderCapability> capabilities();

    /**
     * Every instance on {@code host}, in every power state, transient and persistent. An instance whose details
     * cannot all be read is still listed, with warnings. Never asks the host for secrets.
     */
    List<InstanceDescriptor> listInstances(Host host);

    /** The instance on {@code host} whose UUID (any letter case) or name is {@code nameOrUuid}. */
    InstanceDescriptor describeInstance(Host host, String nameOrUuid);

    /**
     * Makes the instance survive on its own once the orchestrator lets go of it (for KVM, defines a
     * transient libvirt domain persistently from its live definition). Idempotent; verified before returning.
     */
    UnmanagePreparation prepareForUnmanage(Host host, UUID uuid);

    /** Releases connections. The default does nothing. */
    @Override
    default void close() {
    }
}
