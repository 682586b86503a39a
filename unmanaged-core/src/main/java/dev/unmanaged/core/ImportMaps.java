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
     * Refuses a map whose rules name a catalog network or pool that does not exist. Rules are named by their
     * place in the map's JSON form ({@code /networks/2/network}, {@code /pools/0/pool}), which is also their place
     * in a map file.
     *
     * @throws InvalidRequestException whose field is the first unknown id's place, and whose message lists every
     *                                 other unknown one
     */
    public static void requireKnownIds(ImportMap map, InventoryCatalog catalog) {
        requireKnownIds(map, catalog, null);
    }

    /**
     * As {@link #requireKnownIds(ImportMap, InventoryCatalog)}, with places named in {@code mapName} (e.g. the
     * map file), as in {@code map.json at /networks/2/network}.
     */
    public static void requireKnownIds(ImportMap map, InventoryCatalog catalog, String mapName) {
        String prefix = mapName == null ? "" : mapName + " at ";
        List<Unknown> unknown = new ArrayList<>();
        List<NetworkRule> networks = map.networks().rules();
        for (int i = 0; i < networks.size(); i++) {
            String id = networks.get(i).networkId();
            if (catalog.network(id).isEmpty()) {
                unknown.add(new Unknown(prefix + "/networks/" + i + "/network", "network", id));
            }
        }
        List<StorageRule> pools = map.storage().rules();
        for (int i = 0; i < pools.size(); i++) {
            String id = pools.get(i).poolId();
            if (catalog.pool(id).isEmpty()) {
                unknown.add(new Unknown(prefix + "/pools/" + i + "/pool", "storage pool", id));
            }
        }
        if (!unknown.isEmpty()) {
            Unknown first = unknown.get(0);
            String others = unknown.size() == 1 ? "" : "; also unknown: " + unknown.subList(1, unknown.size())
                    .stream().map(u -> u.place() + " " + SafeText.quoted(u.id())).toList();
            throw new InvalidRequestException(first.place(), SafeText.of(first.id()), "the id of an existing "
                    + first.kind() + " in the catalog" + others);
        }
    }

    private record Unknown(String place, String kind, String id) {
    }
}
