package dev.unmanaged.api.inventory;

import dev.unmanaged.api.internal.Copies;
import java.util.List;

/**
 * A snapshot of the orchestrator's catalog: what imports map onto. Used to seed and to show a store's catalog.
 *
 * @param owners        owners
 * @param offerings     compute offerings
 * @param networks      networks
 * @param pools         storage pools
 * @param diskOfferings disk offerings
 * @param templates     templates
 */
public record Catalog(List<Owner> owners, List<ComputeOffering> offerings, List<Network> networks,
                      List<StoragePool> pools, List<DiskOffering> diskOfferings, List<Template> templates) {
    public Catalog {
        owners = Copies.list(owners);
        offerings = Copies.list(offerings);
        networks = Copies.list(networks);
        pools = Copies.list(pools);
        diskOfferings = Copies.list(diskOfferings);
        templates = Copies.list(templates);
    }

    /** An empty catalog. */
    public static final Catalog EMPTY = new Catalog(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
}
