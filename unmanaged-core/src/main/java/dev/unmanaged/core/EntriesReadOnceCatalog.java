package dev.unmanaged.core;

import dev.unmanaged.api.inventory.ComputeOffering;
import dev.unmanaged.api.inventory.DiskOffering;
import dev.unmanaged.api.inventory.Network;
import dev.unmanaged.api.inventory.Owner;
import dev.unmanaged.api.inventory.StoragePool;
import dev.unmanaged.api.inventory.Template;
import dev.unmanaged.api.spi.ForwardingInventoryCatalog;
import dev.unmanaged.api.spi.InventoryCatalog;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A catalog for one fleet plan: each catalog entry (owner, offering, network, pool, disk offering, template) is
 * read from the store once and then answered from memory, while reservations and free addresses are forwarded to
 * the store every time. A fleet plan makes about fifteen lookups per instance, nearly all of the same few entries, and
 * each is a read transaction on a JDBC store. Entries changed during the plan are seen as they were at their first
 * lookup, which a plan may do: it writes nothing, and every import plans again against the live catalog before it
 * writes.
 */
final class EntriesReadOnceCatalog extends ForwardingInventoryCatalog {
    private final InventoryCatalog store;
    private final Map<String, Optional<Owner>> owners = new ConcurrentHashMap<>();
    private final Map<String, Optional<ComputeOffering>> offerings = new ConcurrentHashMap<>();
    private final Map<String, Optional<Network>> networks = new ConcurrentHashMap<>();
    private final Map<String, Optional<StoragePool>> pools = new ConcurrentHashMap<>();
    private final Map<String, Optional<DiskOffering>> diskOfferings = new ConcurrentHashMap<>();
    private final Map<String, Optional<Template>> templates = new ConcurrentHashMap<>();

    EntriesReadOnceCatalog(InventoryCatalog store) {
        super(store);
        this.store = store;
    }

    @Override
    public Optional<Owner> owner(String id) {
        return once(owners, id, store::owner);
    }

    @Override
    public Optional<ComputeOffering> offering(String id) {
        return once(offerings, id, store::offering);
    }

    @Override
    public Optional<Network> network(String id) {
        return once(networks, id, store::network);
    }

    @Override
    public Optional<StoragePool> pool(String id) {
        return once(pools, id, store::pool);
    }

    @Override
    public Optional<DiskOffering> diskOffering(String id) {
        return once(diskOfferings, id, store::diskOffering);
    }

    @Override
    public Optional<Template> template(String id) {
        return once(templates, id, store::template);
    }

    private static <T> Optional<T> once(Map<String, Optional<T>> entries, String id,
                                        Function<String, Optional<T>> lookup) {
        return entries.computeIfAbsent(id, lookup);
    }
}
