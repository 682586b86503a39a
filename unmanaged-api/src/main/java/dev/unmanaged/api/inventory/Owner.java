package dev.unmanaged.api.inventory;

import java.util.Objects;

/**
 * An account that owns managed instances.
 *
 * @param id   the orchestrator's identifier
 * @param name a readable name
 */
public record Owner(String id, String name) {
    public Owner {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
