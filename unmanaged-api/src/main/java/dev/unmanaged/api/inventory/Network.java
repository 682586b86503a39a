package dev.unmanaged.api.inventory;

import dev.unmanaged.api.internal.Copies;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A guest network of the orchestrator that NICs are mapped onto.
 *
 * @param id       identifier
 * @param name     readable name
 * @param range    the addresses the orchestrator hands out on it
 * @param vlan     the VLAN tag, null when untagged
 * @param ownerIds who may use it; empty means everyone
 */
public record Network(String id, String name, AddressRange range, @Nullable Integer vlan, Set<String> ownerIds)
        implements CatalogEntry {
    public Network {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(range, "range");
        ownerIds = Copies.set(ownerIds);
    }
}
