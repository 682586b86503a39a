package dev.unmanaged.api.spi;

import dev.unmanaged.api.inventory.Catalog;
import dev.unmanaged.api.inventory.ComputeOffering;
import dev.unmanaged.api.inventory.DiskOffering;
import dev.unmanaged.api.inventory.Network;
import dev.unmanaged.api.inventory.Owner;
import dev.unmanaged.api.inventory.StoragePool;
import dev.unmanaged.api.inventory.Template;
import java.util.Optional;

/**
 * The catalog lookups that import validation needs. Reads only; answers reflect committed state: a reservation
 * shows in {@link #isIpInUse}, {@link #isMacInUse} and {@link #firstFreeIp} once its unit of work has committed,
 * not before. Each lookup by id matches the id exactly (letter case and blanks count) and gives the entry equal
 * to the one seeded, its owners included; an unknown id gives empty.
 */
public interface InventoryCatalog {
    /** The owner with this id. */
    Optional<Owner> owner(String id);

    /** The compute offering with this id. */
    Optional<ComputeOffering> offering(String id);

    /** The network with this id. */
    Optional<Network> network(String id);

    /** The storage pool with this id. */
    Optional<StoragePool> pool(String id);

    /** The disk offering with this id. */
    Optional<DiskOffering> diskOffering(String id);

    /** The template with this id. */
    Optional<Template> template(String id);

    /** True when {@code address} is reserved on the network. */
    boolean isIpInUse(String networkId, String address);

    /** True when {@code mac} (any letter case) is reserved on the network. */
    boolean isMacInUse(String networkId, String mac);

    /**
     * A free address of the network's range at the time of asking (the lowest one not reserved), or empty when
     * none is free.
     */
    Optional<String> firstFreeIp(String networkId);

    /** The whole catalog: every entry that the lookups by id find. */
    Catalog snapshot();
}
