package dev.unmanaged.api.spi;

import dev.unmanaged.api.error.OperationNotSupportedException;
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
 *
 * <p>The conformance kit {@code dev.unmanaged.tck.HypervisorInstanceProviderContract} (module hypervisor-spi-tck)
 * holds an implementation to the contracts stated here. No descriptor, warning, exception or {@code toString()}
 * ever contains a console password or another secret of the host.
 */
public interface HypervisorInstanceProvider extends AutoCloseable {
    /** The hypervisor kind served, matched against {@link Host#hypervisor()}, e.g. {@code kvm}. */
    String hypervisor();

    /**
     * The optional behaviour this provider has; the conformance kit skips the tests of what is not declared, so
     * declare only what the hypervisor really has.
     */
    Set<ProviderCapability> capabilities();

    /**
     * Every instance on {@code host}, in every power state, transient and persistent, each with its own power state,
     * persistence, vCPUs, memory, and disks and NICs in definition order. Every descriptor names {@code host}'s id
     * and this provider's {@link #hypervisor()}. An instance whose details cannot all be read is still listed,
     * with warnings (see {@link InstanceDescriptor#definitionUnreadable}); an instance that vanishes while the
     * host is read is left out rather than failing the listing. One listing never holds one UUID or one name
     * twice, and never invents an instance. Safe to call from many threads at once. Never asks the host for
     * secrets.
     *
     * @throws dev.unmanaged.api.error.HostUnavailableException when the host cannot be reached: an unreachable
     *                                                          host is never answered with an empty listing
     */
    List<InstanceDescriptor> listInstances(Host host);

    /**
     * {@link #listInstances(Host)} with the costlier {@code details} read too: with
     * {@link ListingDetail#GUEST_ADDRESSES}, the NICs of running instances carry the guest's addresses as
     * {@link #describeInstance} gives them. Without it, or from a provider that does not declare
     * {@link ProviderCapability#GUEST_ADDRESSES}, NICs carry none. With {@link ListingDetail#STORAGE}, instances
     * carry their snapshots, the block jobs and host pools of their disks (and whatever else of their storage
     * costs a call per instance) as {@link #describeInstance} gives them; without it their
     * {@link InstanceDescriptor#snapshots()} is null. A detail that cannot be read is a warning on the instance,
     * never a failure of the listing. The default ignores {@code details}.
     */
    default List<InstanceDescriptor> listInstances(Host host, Set<ListingDetail> details) {
        return listInstances(host);
    }

    /**
     * The instance on {@code host} whose UUID (any letter case) or name is {@code nameOrUuid}: the same identity,
     * state and hardware that {@link #listInstances} gives for it, and always its guest addresses when the provider
     * declares {@link ProviderCapability#GUEST_ADDRESSES} (a source of addresses that fails or is unsupported is a
     * {@link dev.unmanaged.api.instance.WarningCodes#GUEST_ADDRESSES_UNAVAILABLE} warning, never a failure), and
     * always every storage detail the provider reads (see {@link ListingDetail#STORAGE}).
     *
     * @throws dev.unmanaged.api.error.InstanceNotFoundException naming {@code nameOrUuid} when no instance has it
     *                                                           (a removed one included); a blank value fails
     *                                                           with a typed error too
     * @throws dev.unmanaged.api.error.HostUnavailableException  when the host cannot be reached
     */
    InstanceDescriptor describeInstance(Host host, String nameOrUuid);

    /**
     * Makes the instance survive on its own once the orchestrator lets go of it (for KVM, defines a
     * transient KVM instance persistently from its live definition). A persistent instance is left as it is,
     * running or stopped, and the result says nothing was changed; a transient one becomes persistent, keeps
     * running and keeps its console password, and then survives its own shutdown. The result tells the power state
     * the instance was left in. Idempotent: a second call changes nothing. Verified before returning.
     *
     * @throws dev.unmanaged.api.error.InstanceNotFoundException when no instance on {@code host} has {@code uuid}
     */
    UnmanagePreparation prepareForUnmanage(Host host, UUID uuid);

    /**
     * Starts pushing the changes of {@code host}'s instances to {@code listener}, for a provider that declares
     * {@link ProviderCapability#WATCH}. The provider first subscribes to the host's changes, then hands a full
     * listing to {@link HostChangeListener#listed}, so that nothing that happens in between is lost; after that
     * it calls {@link HostChangeListener#present} or {@link HostChangeListener#gone} for every instance that
     * changed, with a descriptor read after the change. When the host cannot be reached it calls
     * {@link HostChangeListener#unavailable}, keeps trying to reconnect (with a growing pause between attempts), and
     * once reconnected hands a full listing again, so a change made while the host was away is still seen. The
     * listener is called from one thread at a time, never after {@link HostChangeFeed#close()} returned. A
     * repeated notice for an unchanged instance is allowed: the watcher compares it with what it knows. Returns at
     * once: connecting and the first listing may happen in the background (a host that cannot be reached then is
     * reported through {@link HostChangeListener#unavailable}, not thrown).
     *
     * @throws OperationNotSupportedException when the provider cannot push changes (the default)
     */
    default HostChangeFeed watchHost(Host host, HostChangeListener listener) {
        throw new OperationNotSupportedException(
                "provider '" + hypervisor() + "' cannot push the changes of host " + host.id()
                        + "; watchers list it periodically instead", null);
    }

    /**
     * True when this provider only reads hosts, so that {@link #prepareForUnmanage} cannot define a transient
     * instance persistently (it fails with {@link dev.unmanaged.api.error.AccessDeniedException}); an unmanage plan
     * reports that before anything is tried. The default is false.
     */
    default boolean readOnly() {
        return false;
    }

    /** Releases connections. The default does nothing. */
    @Override
    default void close() {
    }
}
