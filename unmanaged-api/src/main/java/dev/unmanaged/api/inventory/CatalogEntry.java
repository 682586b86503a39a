package dev.unmanaged.api.inventory;

import java.util.Set;

/** Something in the orchestrator's catalog that an import maps onto, with who may use it. */
public interface CatalogEntry {
    /** The orchestrator's identifier, unique within its kind. */
    String id();

    /** Owners allowed to use this entry; empty means every owner may. */
    Set<String> ownerIds();

    /** True when {@code ownerId} may use this entry. */
    default boolean usableBy(String ownerId) {
        return ownerIds().isEmpty() || ownerIds().contains(ownerId);
    }
}
