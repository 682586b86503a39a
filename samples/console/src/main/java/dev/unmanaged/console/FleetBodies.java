package dev.unmanaged.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.mapping.ImportMap;
import dev.unmanaged.api.operation.FleetRequest;
import dev.unmanaged.api.operation.ImportOptions;
import dev.unmanaged.api.operation.ListQuery;
import dev.unmanaged.api.spi.InventoryCatalog;
import dev.unmanaged.api.text.SafeText;
import dev.unmanaged.core.ImportMaps;
import dev.unmanaged.json.ImportMapFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The fleet imports of request bodies: every unmanaged instance of the hosts, mapped by an import map (the map
 * file's format of {@code unmanaged import --all --map}, see docs/cli.md), as
 * {@code {"map": {...}, "ownerId": "acme", "offeringId": null, "hosts": ["demo"], "select": "web-*",
 * "states": ["RUNNING"], "regenerateCollidingMacs": false}}; only {@code map} and {@code ownerId} are required.
 */
final class FleetBodies {
    private static final Set<String> KEYS = Set.of("map", "ownerId", "offeringId", "hosts", "select", "states",
            "regenerateCollidingMacs");

    private final ServedHosts hosts;
    private final InventoryCatalog catalog;

    FleetBodies(ServedHosts hosts, InventoryCatalog catalog) {
        this.hosts = hosts;
        this.catalog = catalog;
    }

    /** The fleet request of {@code body}; a map naming an id the catalog lacks is refused before any host is asked. */
    FleetRequest request(byte[] body) {
        RequestJson json = RequestJson.object(body, KEYS);
        JsonNode mapNode = json.get("map");
        if (mapNode == null || !mapNode.isObject()) {
            throw new InvalidRequestException(json.place("map"), mapNode == null ? "nothing" : SafeText.of(mapNode),
                    "an import map object (networks, pools, offering, ip)");
        }
        ImportMap map = ImportMapFile.parse(mapNode.toString(), json.place("map"));
        ImportMaps.requireKnownIds(map, catalog, json.place("map"));
        ListQuery selection = ListQuery.of(selectedHosts(json)).withStates(PowerStates.parse(json.place("states"), texts(json, "states")));
        return FleetRequest.of(selection, map, json.requiredText("ownerId"))
                .withNamePattern(json.text("select"))
                .withOffering(json.text("offeringId"))
                .withOptions(new ImportOptions(false, json.flag("regenerateCollidingMacs")));
    }

    private List<Host> selectedHosts(RequestJson json) {
        List<String> ids = texts(json, "hosts");
        if (ids.isEmpty()) {
            return hosts.all();
        }
        var selected = new ArrayList<Host>();
        for (String id : ids) {
            selected.add(hosts.byId(json.place("hosts"), id));
        }
        return selected;
    }

    private static List<String> texts(RequestJson json, String key) {
        JsonNode value = json.get(key);
        if (value == null) {
            return List.of();
        }
        var texts = new ArrayList<String>();
        if (value.isArray()) {
            for (JsonNode item : value) {
                if (item.isTextual() && !item.asText().isBlank()) {
                    texts.add(item.asText());
                    continue;
                }
                throw new InvalidRequestException(json.place(key), SafeText.of(item), "an array of non-empty strings");
            }
            return texts;
        }
        throw new InvalidRequestException(json.place(key), SafeText.of(value), "an array of non-empty strings");
    }
}
