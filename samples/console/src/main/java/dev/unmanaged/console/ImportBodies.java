package dev.unmanaged.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.IpAssignment;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The import requests of request bodies. One import is an object with the keys of an {@link ImportRequest} in the
 * JSON contract ({@code instance, ownerId, offeringId, displayName, cpus, memoryBytes, templateId, networkByMac,
 * ipByMac, poolByDisk, diskOfferingByDisk}), plus {@code regenerateCollidingMacs}; its {@code host} is the id of
 * one of the hosts served. A bulk import is {@code {"imports": [...]}}.
 */
final class ImportBodies {
    private static final Set<String> KEYS = Set.of("host", "instance", "ownerId", "offeringId", "displayName",
            "cpus", "memoryBytes", "templateId", "networkByMac", "ipByMac", "poolByDisk", "diskOfferingByDisk",
            "regenerateCollidingMacs");
    /** More than any fleet imported at once; a body is bounded in bytes anyway. */
    static final int MAX_BULK_ITEMS = 10_000;

    private final ServedHosts hosts;

    ImportBodies(ServedHosts hosts) {
        this.hosts = hosts;
    }

    /** The import of {@code body}, a dry run when {@code dryRun}. */
    ImportRequest one(byte[] body, boolean dryRun) {
        return request(RequestJson.object(body, KEYS), dryRun);
    }

    /** The imports of a bulk body {@code {"imports": [...]}}. */
    List<ImportRequest> many(byte[] body) {
        RequestJson root = RequestJson.object(body, Set.of("imports"));
        JsonNode imports = root.get("imports");
        if (imports == null || !imports.isArray() || imports.isEmpty() || imports.size() > MAX_BULK_ITEMS) {
            throw new InvalidRequestException("body.imports", imports == null ? "nothing"
                    : imports.isArray() ? imports.size() + " items" : imports.getNodeType().name().toLowerCase(
                            java.util.Locale.ROOT), "an array of 1 to " + MAX_BULK_ITEMS + " imports");
        }
        var requests = new ArrayList<ImportRequest>();
        for (int i = 0; i < imports.size(); i++) {
            requests.add(request(RequestJson.of(imports.get(i), "body.imports[" + i + "]", KEYS), false));
        }
        return requests;
    }

    private ImportRequest request(RequestJson json, boolean dryRun) {
        String hostId = json.requiredText("host");
        Long cpus = json.positive("cpus");
        if (cpus != null && cpus > Integer.MAX_VALUE) {
            throw new InvalidRequestException(json.place("cpus"), cpus.toString(), "a whole number of vCPUs");
        }
        ImportRequest.Builder builder = ImportRequest.builder(hosts.byId(json.place("host"), hostId),
                        json.requiredText("instance"))
                .owner(json.text("ownerId"))
                .offering(json.text("offeringId"))
                .displayName(json.text("displayName"))
                .custom(cpus == null ? null : cpus.intValue(), json.positive("memoryBytes"))
                .template(json.text("templateId"))
                .dryRun(dryRun)
                .regenerateCollidingMacs(json.flag("regenerateCollidingMacs"));
        json.strings("networkByMac").forEach(builder::network);
        json.strings("ipByMac").forEach((mac, ip) -> builder.ip(mac, ipAssignment(json.place("ipByMac") + "." + mac, ip)));
        json.strings("poolByDisk").forEach(builder::pool);
        json.strings("diskOfferingByDisk").forEach(builder::diskOffering);
        return builder.build();
    }

    private static IpAssignment ipAssignment(String place, String text) {
        try {
            return IpAssignment.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(place, "'" + text + "'", "auto, current or an IP address");
        }
    }
}
