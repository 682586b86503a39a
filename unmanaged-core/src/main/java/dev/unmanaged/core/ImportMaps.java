package dev.unmanaged.core;

import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.mapping.ImportMap;
import dev.unmanaged.api.mapping.NetworkRule;
import dev.unmanaged.api.mapping.StorageRule;
import dev.unmanaged.api.spi.InventoryCatalog;
import dev.unmanaged.api.text.SafeText;
import java.util.ArrayList;
import java.util.List;

/** Checks an {@link ImportMap} against the catalog before anything is planned with it. */
public final class ImportMaps {
    private ImportMaps() {
    }

    /**
     * Refuses a map whose rules name a catalog network or pool that does not exist, naming every such rule by its
     * place in the map's JSON form ({@code /networks/2/network}, {@code /pools/0/pool}), which is also its place in
     * a map file.
     *
     * @throws InvalidRequestException naming the first unknown id's place, and listing all of them
     */
    public static void requireKnownIds(ImportMap map, InventoryCatalog catalog) {
        List<String> unknown = new ArrayList<>();
        List<NetworkRule> networks = map.networks().rules();
        for (int i = 0; i < networks.size(); i++) {
            String id = networks.get(i).networkId();
            if (catalog.network(id).isEmpty()) {
                unknown.add("/networks/" + i + "/network: network " + SafeText.quoted(id) + " does not exist");
            }
        }
        List<StorageRule> pools = map.storage().rules();
        for (int i = 0; i < pools.size(); i++) {
            String id = pools.get(i).poolId();
            if (catalog.pool(id).isEmpty()) {
                unknown.add("/pools/" + i + "/pool: storage pool " + SafeText.quoted(id) + " does not exist");
            }
        }
        if (!unknown.isEmpty()) {
            String first = unknown.get(0);
            throw new InvalidRequestException(first.substring(0, first.indexOf(':')), String.join("; ", unknown),
                    "rules naming existing catalog networks and pools");
        }
    }
}
