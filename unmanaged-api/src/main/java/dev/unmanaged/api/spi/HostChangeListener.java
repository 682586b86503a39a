package dev.unmanaged.api.spi;

import dev.unmanaged.api.error.UnmanagedException;
import dev.unmanaged.api.instance.InstanceDescriptor;
import java.util.List;
import java.util.UUID;

/**
 * Receives what a provider learns about one host's instances while it is watched (see
 * {@link HypervisorInstanceProvider#watchHost}). Called from one thread at a time. The receiver compares what it is
 * told with what it knew, so telling it the same state twice is harmless.
 */
public interface HostChangeListener {
    /**
     * Every instance on the host now, as {@link HypervisorInstanceProvider#listInstances} gives them: an instance
     * known before and missing here is gone. Also ends an outage reported with {@link #unavailable}.
     */
    void listed(List<InstanceDescriptor> instances);

    /** The instance exists now as {@code instance} describes it (read after its latest change). */
    void present(InstanceDescriptor instance);

    /** The instance with {@code uuid} no longer exists on the host. */
    void gone(UUID uuid);

    /** The host cannot be reached now; the provider keeps trying and calls {@link #listed} once it is back. */
    void unavailable(UnmanagedException reason);
}
