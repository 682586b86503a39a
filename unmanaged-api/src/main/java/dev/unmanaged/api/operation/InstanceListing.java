package dev.unmanaged.api.operation;

import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.internal.Copies;
import java.util.List;

/**
 * A listing of unmanaged instances: partial when some hosts failed, never silently empty.
 *
 * @param instances    the page of matching instances, sorted by host then name
 * @param totalMatching how many matched before paging
 * @param failures     hosts that could not be listed, with their typed errors
 */
public record InstanceListing(List<InstanceDescriptor> instances, int totalMatching, List<HostFailure> failures) {
    public InstanceListing {
        instances = Copies.list(instances);
        failures = Copies.list(failures);
    }

    /** True when every host answered. */
    public boolean complete() {
        return failures.isEmpty();
    }
}
