package dev.unmanaged.tck;

import dev.unmanaged.api.instance.Host;
import java.util.Optional;
import java.util.UUID;

/**
 * The hypervisor side of {@link HypervisorInstanceProviderContract}: creates and removes real instances on one
 * host, independently of the provider under test, so that the kit can check what the provider reports against
 * what is really there. A bed for KVM typically drives libvirt directly; a bed for an in-memory or file-based
 * hypervisor edits its state.
 *
 * <p>The kit calls a bed from one thread at a time, and removes every instance it created after each test;
 * {@link #close()} is for anything else the bed holds.
 */
public interface TestBed extends AutoCloseable {
    /** The host the bed creates instances on; the provider under test must serve it. */
    Host host();

    /**
     * Creates an instance as {@code spec} says and returns its UUID once the hypervisor reports it in
     * {@link InstanceSpec#state()}. The kit only asks for a paused instance when the provider declares
     * {@link dev.unmanaged.api.spi.ProviderCapability#PAUSE}, and for a transient one when it declares
     * {@link dev.unmanaged.api.spi.ProviderCapability#TRANSIENT_INSTANCES}.
     */
    UUID create(InstanceSpec spec);

    /**
     * Shuts the instance down as its guest would (a clean power-off). A persistent instance is then stopped; a
     * transient one no longer exists. Returns once the hypervisor reports that.
     */
    void shutDown(UUID uuid);

    /** Removes the instance completely (powers it off and deletes its definition); does nothing when absent. */
    void remove(UUID uuid);

    /**
     * A host of the provider's hypervisor kind that cannot be reached (e.g. a URI naming a closed port), for the
     * check that an unreachable host is reported as such and never as an empty host. Empty skips that check.
     */
    default Optional<Host> unreachableHost() {
        return Optional.empty();
    }

    /**
     * The graphics console password the hypervisor holds for the instance, read past the provider (for KVM, from
     * the secure definition), or empty when it has none. The kit uses it to check that preparing an instance for
     * unmanage keeps its console locked. Empty {@code Optional} from the default means the bed cannot tell, and
     * skips that check; a bed that can tell returns {@code Optional.of(Optional.empty())} for "no password".
     */
    default Optional<Optional<String>> graphicsPasswordOf(UUID uuid) {
        return Optional.empty();
    }

    /**
     * The device name the provider reports for {@code disk} of a created instance. The default is the spec's own
     * name ({@code vda}); a hypervisor that names disks by their slot (vSphere: {@code scsi0:0}) maps it.
     */
    default String reportedDiskName(InstanceSpec.DiskSpec disk) {
        return disk.deviceName();
    }

    /** Releases what the bed holds. The default does nothing. */
    @Override
    default void close() {
    }
}
