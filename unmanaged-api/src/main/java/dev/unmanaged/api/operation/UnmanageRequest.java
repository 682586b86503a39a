package dev.unmanaged.api.operation;

import java.util.Objects;

/**
 * A request to release a managed instance from the inventory; the instance keeps running on its host.
 *
 * @param instance the managed instance's UUID or name
 */
public record UnmanageRequest(String instance) {
    public UnmanageRequest {
        Objects.requireNonNull(instance, "instance");
    }
}
