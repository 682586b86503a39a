package dev.unmanaged.inventory.jdbc;

import dev.unmanaged.api.inventory.AddressRange;
import dev.unmanaged.api.inventory.Catalog;
import dev.unmanaged.api.inventory.ComputeOffering;
import dev.unmanaged.api.inventory.DiskOffering;
import dev.unmanaged.api.inventory.Network;
import dev.unmanaged.api.inventory.Owner;
import dev.unmanaged.api.inventory.StoragePool;
import dev.unmanaged.api.inventory.Template;
import dev.unmanaged.api.net.Ipv4Addresses;
import dev.unmanaged.api.spi.InventoryCatalog;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/** Catalog lookups, each in its own short read transaction, so that answers reflect committed state. */
final class JdbcCatalog implements InventoryCatalog {
    private final JdbcInventoryStore store;

    JdbcCatalog(JdbcInventoryStore store) {
        this.store = store;
    }

    @Override
    public Optional<Owner> owner(String id) {
        return lookup("owner", id, c -> CatalogRows.owner(c, id));
    }

    @Override
    public Optional<ComputeOffering> offering(String id) {
        return lookup("compute offering", id, c -> CatalogRows.offering(c, id));
    }

    @Override
    public Optional<Network> network(String id) {
        return lookup("network", id, c -> CatalogRows.network(c, id));
    }

    @Override
    public Optional<StoragePool> pool(String id) {
        return lookup("storage pool", id, c -> CatalogRows.pool(c, id));
    }

    @Override
    public Optional<DiskOffering> diskOffering(String id) {
        return lookup("disk offering", id, c -> CatalogRows.diskOffering(c, id));
    }

    @Override
    public Optional<Template> template(String id) {
        return lookup("template", id, c -> CatalogRows.template(c, id));
    }

    @Override
    public boolean isIpInUse(String networkId, String address) {
        if (networkId == null || !Ipv4Addresses.isValid(address)) {
            return false;
        }
        long number = Ipv4Addresses.toNumber(address);
        return store.read("checking IP " + address + " on network " + networkId,
                c -> AddressRows.ipHeld(c, networkId, number));
    }

    @Override
    public boolean isMacInUse(String networkId, String mac) {
        if (networkId == null || mac == null) {
            return false;
        }
        String lower = mac.toLowerCase(Locale.ROOT);
        return store.read("checking MAC " + lower + " on network " + networkId,
                c -> AddressRows.macHeld(c, networkId, lower));
    }

    @Override
    public Optional<String> firstFreeIp(String networkId) {
        if (networkId == null) {
            return Optional.empty();
        }
        return store.read("finding a free IP on network " + networkId, c -> {
            Optional<long[]> range = CatalogRows.rangeOf(c, networkId);
            if (range.isEmpty()) {
                return Optional.empty();
            }
            long first = range.get()[0];
            long last = range.get()[1];
            boolean prepared = AddressAllocation.preparedRange(c, networkId)
                    .filter(r -> r[0] == first && r[1] == last).isPresent();
            OptionalLong free = prepared ? AddressAllocation.lowestFree(c, networkId, first, last)
                    : AddressRows.lowestFree(c, networkId, first, last);
            return free.isPresent() ? Optional.of(Ipv4Addresses.fromNumber(free.getAsLong())) : Optional.empty();
        });
    }

    @Override
    public Catalog snapshot() {
        return store.read("reading the catalog", CatalogRows::snapshot);
    }

    private <T> Optional<T> lookup(String kind, String id, SqlWork<Optional<T>> work) {
        return id == null ? Optional.empty() : store.read("looking up " + kind + " " + id, work);
    }
}
