package dev.unmanaged.core;

import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.operation.ManagedListing;
import dev.unmanaged.api.operation.ManagedQuery;
import dev.unmanaged.api.spi.InventoryStore;
import java.util.Comparator;
import java.util.List;

/** Lists the managed inventory with filters and paging, so that an embedder never goes around the facade. */
final class ManagedLister {
    private static final Comparator<ManagedInstance> BY_HOST_THEN_NAME = Comparator
            .comparing((ManagedInstance m) -> m.host().id())
            .thenComparing(ManagedInstance::name)
            .thenComparing(ManagedInstance::uuid);

    private final InventoryStore store;

    ManagedLister(InventoryStore store) {
        this.store = store;
    }

    ManagedListing list(ManagedQuery query) {
        List<ManagedInstance> matching = store.list().stream()
                .filter(m -> query.hostIds().isEmpty() || query.hostIds().contains(m.host().id()))
                .filter(m -> query.ownerIds().isEmpty() || query.ownerIds().contains(m.ownerId()))
                .filter(m -> NameFilter.matches(query.nameContains(), m.name(), m.displayName()))
                .sorted(BY_HOST_THEN_NAME)
                .toList();
        return new ManagedListing(Paging.page(matching, query.offset(), query.limit()), matching.size());
    }
}
