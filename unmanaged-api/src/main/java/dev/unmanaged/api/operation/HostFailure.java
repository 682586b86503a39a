package dev.unmanaged.api.operation;

import dev.unmanaged.api.error.UnmanagedException;
import java.util.Objects;

/**
 * A host that could not be listed.
 *
 * @param hostId the host
 * @param error  why, typed
 */
public record HostFailure(String hostId, UnmanagedException error) {
    public HostFailure {
        Objects.requireNonNull(hostId, "hostId");
        Objects.requireNonNull(error, "error");
    }
}
