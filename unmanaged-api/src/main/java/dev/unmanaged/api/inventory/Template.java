package dev.unmanaged.api.inventory;

import dev.unmanaged.api.internal.Copies;
import java.util.Objects;
import java.util.Set;

/**
 * A template or OS type recorded on an imported instance.
 *
 * @param id       identifier
 * @param name     readable name
 * @param osType   the guest OS it stands for, e.g. {@code Debian 12}
 * @param ownerIds who may use it; empty means everyone
 */
public record Template(String id, String name, String osType, Set<String> ownerIds) implements CatalogEntry {
    public Template {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        ownerIds = Copies.set(ownerIds);
    }
}
