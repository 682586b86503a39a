package dev.unmanaged.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.inventory.AddressRange;
import dev.unmanaged.api.inventory.Catalog;
import dev.unmanaged.api.inventory.ComputeOffering;
import dev.unmanaged.api.inventory.DiskOffering;
import dev.unmanaged.api.inventory.Network;
import dev.unmanaged.api.inventory.Owner;
import dev.unmanaged.api.inventory.StoragePool;
import dev.unmanaged.api.inventory.Template;
import dev.unmanaged.api.net.Ipv4Addresses;
import dev.unmanaged.api.text.ByteSizes;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a catalog (owners, compute offerings, networks, storage pools, disk offerings, templates) from JSON, so
 * that a store can be seeded without SQL. The format, with every section optional:
 *
 * <pre>{@code
 * {
 *   "owners":          [ {"id": "acme", "name": "ACME Corp"} ],
 *   "computeOfferings": [ {"id": "small", "name": "Small", "vcpus": 1, "memory": "1 GiB"},
 *                         {"id": "fast", "name": "Fast", "vcpus": 2, "memory": "4 GiB", "cpuSpeedMhz": 2000,
 *                          "cpuCapped": true},
 *                         {"id": "custom", "name": "Custom", "custom": true, "minVcpus": 1, "maxVcpus": 16,
 *                          "minMemory": "512 MiB", "maxMemory": "64 GiB", "minCpuSpeedMhz": 500,
 *                          "maxCpuSpeedMhz": 4000, "owners": ["acme"]} ],
 *   "networks":        [ {"id": "prod", "name": "Production", "range": "10.1.0.10-10.1.0.250", "vlan": 100} ],
 *   "storagePools":    [ {"id": "local", "name": "Local", "path": "/var/lib/libvirt/images",
 *                         "hostPoolName": "default"} ],
 *   "diskOfferings":   [ {"id": "d20", "name": "20 GiB", "size": "20 GiB"},
 *                         {"id": "any", "name": "Any size", "custom": true} ],
 *   "templates":       [ {"id": "debian-12", "name": "Debian 12", "osType": "Debian 12"} ]
 * }
 * }</pre>
 *
 * Sizes are a number of bytes or a number with a binary unit ({@code B}, {@code KiB}, {@code MiB}, {@code GiB},
 * {@code TiB}). A range is {@code "first-last"} or {@code {"first": ..., "last": ...}}. {@code owners} on an
 * entry lists who may use it; absent or empty means everyone. Unknown keys, duplicate ids and owners that the
 * file does not declare (when it declares any) are refused: each error is an {@link InvalidRequestException}
 * naming the JSON path, the value found and what was expected. A storage pool's {@code hostPoolName} (its name
 * on the hosts: a libvirt storage pool, a vSphere datastore) is also read under its former key
 * {@code hypervisorPoolName}, so that older catalog files stay valid; an entry may not give both. A compute
 * offering's CPU speed per vCPU in MHz ({@code cpuSpeedMhz} when fixed, {@code minCpuSpeedMhz} and
 * {@code maxCpuSpeedMhz} when custom) and {@code cpuCapped} are optional: an offering without them states none.
 */
public final class CatalogLoader {
    private static final String HOST_POOL_NAME = "hostPoolName";
    /** The key {@link #HOST_POOL_NAME} had before it was made hypervisor-neutral; still read. */
    private static final String FORMER_HOST_POOL_NAME = "hypervisorPoolName";
    private static final ObjectMapper MAPPER = JsonInput.STRICT;
    /** The highest CPU speed per vCPU in MHz an offering may state. */
    private static final int MAX_CPU_SPEED_MHZ = 1_000_000;
    private static final Set<String> SECTIONS = Set.of("owners", "computeOfferings", "networks", "storagePools",
            "diskOfferings", "templates");

    private CatalogLoader() {
    }

    /**
     * Reads the catalog in the JSON file at {@code file}.
     *
     * @throws InvalidRequestException when the file cannot be read or holds a value that is not allowed
     */
    public static Catalog load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(MAPPER.readTree(reader), file.toString());
        } catch (JsonProcessingException e) {
            throw malformed(file.toString(), e);
        } catch (IOException e) {
            throw new InvalidRequestException("catalog file", file.toString(), "a readable file (" + e + ")");
        }
    }

    /**
     * Reads a catalog from JSON text.
     *
     * @throws InvalidRequestException when the text holds a value that is not allowed
     */
    public static Catalog parse(String json) {
        try {
            return parse(MAPPER.readTree(json), "catalog");
        } catch (JsonProcessingException e) {
            throw malformed("catalog", e);
        }
    }

    /**
     * Reads a catalog from a UTF-8 JSON stream; does not close it.
     *
     * @throws InvalidRequestException when the stream cannot be read or holds a value that is not allowed
     */
    public static Catalog read(InputStream json) {
        try {
            return parse(MAPPER.readTree(json), "catalog");
        } catch (JsonProcessingException e) {
            throw malformed("catalog", e);
        } catch (IOException e) {
            throw new InvalidRequestException("catalog", "stream", "a readable stream (" + e + ")");
        }
    }

    private static InvalidRequestException malformed(String source, JsonProcessingException e) {
        return JsonInput.malformed(source, e);
    }

    private static Catalog parse(JsonNode root, String source) {
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw new InvalidRequestException(source, root == null ? "nothing" : root.toString(),
                    "a JSON object with the sections " + String.join(", ", sorted(SECTIONS)));
        }
        new Entry(root, "").allowOnly(SECTIONS);
        List<Owner> owners = section(root, "owners", e -> {
            e.allowOnly(Set.of("id", "name"));
            String id = e.id();
            return new Owner(id, e.optionalText("name", id));
        }, Owner::id);
        Set<String> declaredOwners = new HashSet<>();
        owners.forEach(o -> declaredOwners.add(o.id()));
        OwnerCheck ownerCheck = new OwnerCheck(declaredOwners);

        List<ComputeOffering> offerings = section(root, "computeOfferings", e -> offering(e, ownerCheck),
                ComputeOffering::id);
        List<Network> networks = section(root, "networks", e -> {
            e.allowOnly(Set.of("id", "name", "range", "vlan", "owners"));
            String id = e.id();
            Integer vlan = e.optionalInt("vlan", 0, 4094);
            return new Network(id, e.optionalText("name", id), e.range("range"), vlan, e.owners(ownerCheck));
        }, Network::id);
        List<StoragePool> pools = section(root, "storagePools", e -> {
            e.allowOnly(Set.of("id", "name", "path", HOST_POOL_NAME, FORMER_HOST_POOL_NAME, "owners"));
            String id = e.id();
            String path = e.optionalText("path", null);
            String poolName = hostPoolName(e);
            if (path == null && poolName == null) {
                throw new InvalidRequestException(e.path + ".path", "nothing",
                        "a host directory (path) or the pool's name on the hosts (hostPoolName), or both");
            }
            return new StoragePool(id, e.optionalText("name", id), path, poolName, e.owners(ownerCheck));
        }, StoragePool::id);
        List<DiskOffering> diskOfferings = section(root, "diskOfferings", e -> {
            e.allowOnly(Set.of("id", "name", "size", "custom", "owners"));
            String id = e.id();
            boolean custom = e.bool("custom", false);
            long size = custom && !e.has("size") ? 0 : e.size("size");
            return new DiskOffering(id, e.optionalText("name", id), size, custom, e.owners(ownerCheck));
        }, DiskOffering::id);
        List<Template> templates = section(root, "templates", e -> {
            e.allowOnly(Set.of("id", "name", "osType", "owners"));
            String id = e.id();
            return new Template(id, e.optionalText("name", id), e.optionalText("osType", null), e.owners(ownerCheck));
        }, Template::id);
        return new Catalog(owners, offerings, networks, pools, diskOfferings, templates);
    }

    /** The pool's name on the hosts, under its key or its former one (never both); null when neither is given. */
    private static String hostPoolName(Entry e) {
        if (e.has(HOST_POOL_NAME) && e.has(FORMER_HOST_POOL_NAME)) {
            throw new InvalidRequestException(e.field(FORMER_HOST_POOL_NAME),
                    e.node.get(FORMER_HOST_POOL_NAME).toString(),
                    "only one of " + HOST_POOL_NAME + " and its former key " + FORMER_HOST_POOL_NAME);
        }
        return e.optionalText(HOST_POOL_NAME, e.optionalText(FORMER_HOST_POOL_NAME, null));
    }

    private static ComputeOffering offering(Entry e, OwnerCheck ownerCheck) {
        String id = e.id();
        String name = e.optionalText("name", id);
        boolean custom = e.bool("custom", false);
        Boolean capped = e.has("cpuCapped") ? e.bool("cpuCapped", false) : null;
        if (custom) {
            e.allowOnly(Set.of("id", "name", "custom", "minVcpus", "maxVcpus", "minMemory", "maxMemory",
                    "minCpuSpeedMhz", "maxCpuSpeedMhz", "cpuCapped", "owners"));
            int minVcpus = e.requiredInt("minVcpus", 1, 4096);
            int maxVcpus = e.requiredInt("maxVcpus", minVcpus, 4096);
            long minMemory = e.size("minMemory");
            long maxMemory = e.size("maxMemory");
            if (maxMemory < minMemory) {
                throw new InvalidRequestException(e.path + ".maxMemory", Long.toString(maxMemory),
                        "at least minMemory (" + minMemory + " bytes)");
            }
            Integer minSpeed = e.optionalInt("minCpuSpeedMhz", 1, MAX_CPU_SPEED_MHZ);
            Integer maxSpeed = e.optionalInt("maxCpuSpeedMhz", minSpeed == null ? 1 : minSpeed, MAX_CPU_SPEED_MHZ);
            return new ComputeOffering(id, name, true, minVcpus, maxVcpus, minMemory, maxMemory,
                    e.owners(ownerCheck), minSpeed, maxSpeed, capped);
        }
        e.allowOnly(Set.of("id", "name", "custom", "vcpus", "memory", "cpuSpeedMhz", "cpuCapped", "owners"));
        int vcpus = e.requiredInt("vcpus", 1, 4096);
        long memory = e.size("memory");
        Integer speed = e.optionalInt("cpuSpeedMhz", 1, MAX_CPU_SPEED_MHZ);
        return new ComputeOffering(id, name, false, vcpus, vcpus, memory, memory, e.owners(ownerCheck), speed, speed,
                capped);
    }

    private static <T> List<T> section(JsonNode root, String name, Function<Entry, T> reader,
                                       Function<T, String> idOf) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidRequestException(name, node.toString(), "a JSON array of entries");
        }
        List<T> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int index = 0;
        for (JsonNode item : node) {
            String path = name + "[" + index++ + "]";
            if (!item.isObject()) {
                throw new InvalidRequestException(path, item.toString(), "a JSON object");
            }
            T entry = reader.apply(new Entry(item, path));
            if (!ids.add(idOf.apply(entry))) {
                throw new InvalidRequestException(path + ".id", idOf.apply(entry), "an id not used before in " + name);
            }
            entries.add(entry);
        }
        return entries;
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }

    /** Refuses owner ids the file does not declare, when it declares any. */
    private record OwnerCheck(Set<String> declared) {
        void check(String path, String ownerId) {
            if (!declared.isEmpty() && !declared.contains(ownerId)) {
                throw new InvalidRequestException(path, ownerId, "one of the owners declared in the file: "
                        + String.join(", ", sorted(declared)));
            }
        }
    }

    /** One JSON object of a section, with the path used in error messages. */
    private static final class Entry {
        private final JsonNode node;
        private final String path;

        Entry(JsonNode node, String path) {
            this.node = node;
            this.path = path;
        }

        private String field(String name) {
            return path.isEmpty() ? name : path + "." + name;
        }

        boolean has(String name) {
            return node.hasNonNull(name);
        }

        void allowOnly(Set<String> allowed) {
            JsonInput.allowOnly(node, allowed, this::field);
        }

        String id() {
            String id = optionalText("id", null);
            if (id == null || id.isBlank()) {
                throw new InvalidRequestException(field("id"), id == null ? "nothing" : id, "a non-blank id");
            }
            return id;
        }

        String optionalText(String name, String fallback) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return fallback;
            }
            if (!value.isTextual()) {
                throw new InvalidRequestException(field(name), value.toString(), "a string");
            }
            return value.asText();
        }

        boolean bool(String name, boolean fallback) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return fallback;
            }
            if (!value.isBoolean()) {
                throw new InvalidRequestException(field(name), value.toString(), "true or false");
            }
            return value.booleanValue();
        }

        int requiredInt(String name, int min, int max) {
            Integer value = optionalInt(name, min, max);
            if (value == null) {
                throw new InvalidRequestException(field(name), "nothing", "a whole number from " + min + " to " + max);
            }
            return value;
        }

        Integer optionalInt(String name, int min, int max) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min
                    || value.intValue() > max) {
                throw new InvalidRequestException(field(name), value.toString(),
                        "a whole number from " + min + " to " + max);
            }
            return value.intValue();
        }

        long size(String name) {
            JsonNode value = node.get(name);
            String expected = "a number of bytes, or " + ByteSizes.EXPECTED;
            if (value == null || value.isNull()) {
                throw new InvalidRequestException(field(name), "nothing", expected);
            }
            if (value.isIntegralNumber() && value.canConvertToLong() && value.longValue() > 0) {
                return value.longValue();
            }
            if (value.isTextual()) {
                try {
                    return ByteSizes.parse(value.asText());
                } catch (IllegalArgumentException notASize) {
                    throw new InvalidRequestException(field(name), value.asText(), expected);
                }
            }
            throw new InvalidRequestException(field(name), value.toString(), expected);
        }

        AddressRange range(String name) {
            JsonNode value = node.get(name);
            String first;
            String last;
            if (value != null && value.isTextual() && value.asText().contains("-")) {
                String[] parts = value.asText().split("-", 2);
                first = parts[0].trim();
                last = parts[1].trim();
            } else if (value != null && value.isObject()) {
                Entry range = new Entry(value, field(name));
                range.allowOnly(Set.of("first", "last"));
                first = range.optionalText("first", "");
                last = range.optionalText("last", "");
            } else {
                throw new InvalidRequestException(field(name), value == null ? "nothing" : value.toString(),
                        "an IPv4 range such as \"10.0.0.10-10.0.0.200\" or {\"first\": ..., \"last\": ...}");
            }
            long firstNumber = Ipv4Addresses.toNumber(Ipv4Addresses.requireValid(field(name) + ".first", first));
            long lastNumber = Ipv4Addresses.toNumber(Ipv4Addresses.requireValid(field(name) + ".last", last));
            if (lastNumber < firstNumber) {
                throw new InvalidRequestException(field(name), first + "-" + last,
                        "a range whose last address is not below its first");
            }
            return new AddressRange(first, last);
        }

        Set<String> owners(OwnerCheck check) {
            JsonNode value = node.get("owners");
            if (value == null || value.isNull()) {
                return Set.of();
            }
            if (!value.isArray()) {
                throw new InvalidRequestException(field("owners"), value.toString(), "a JSON array of owner ids");
            }
            Set<String> owners = new LinkedHashSet<>();
            int index = 0;
            for (JsonNode owner : value) {
                String ownerPath = field("owners") + "[" + index++ + "]";
                if (!owner.isTextual() || owner.asText().isBlank()) {
                    throw new InvalidRequestException(ownerPath, owner.toString(), "an owner id");
                }
                check.check(ownerPath, owner.asText());
                owners.add(owner.asText());
            }
            return owners;
        }
    }
}
