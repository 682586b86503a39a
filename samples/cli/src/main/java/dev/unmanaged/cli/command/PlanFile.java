package dev.unmanaged.cli.command;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.unmanaged.api.operation.IpAssignment;
import dev.unmanaged.api.text.ByteSizes;
import dev.unmanaged.api.text.SafeText;
import dev.unmanaged.cli.CliFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A bulk-import plan file: a JSON array of imports, or an object with {@code "imports"} and optional
 * {@code "defaults"} that every import inherits. Each import names its {@code instance} and any of
 * {@code host, owner, offering, displayName, cpus, memory, template, network, networks, ip, ips, pool, pools,
 * diskOffering, diskOfferings, regenerateMacs}; the singular mappings apply to every NIC or disk, the plural
 * ones are objects keyed by MAC or disk target. See docs/cli.md.
 *
 * <p>Read strictly: a key given twice in one object, anything after the document, nesting deeper than
 * {@link #MAX_DEPTH} levels, a string longer than {@link #MAX_STRING_LENGTH} characters and a file larger than
 * {@link #MAX_FILE_BYTES} are refused with the place and the limit.
 */
final class PlanFile {
    private static final Set<String> KEYS = Set.of("instance", "host", "owner", "offering", "displayName", "cpus",
            "memory", "template", "network", "networks", "ip", "ips", "pool", "pools", "diskOffering",
            "diskOfferings", "regenerateMacs");
    /** Far deeper than a plan needs (four levels), far shallower than what would exhaust the stack. */
    static final int MAX_DEPTH = 32;
    /** Longer than any name, path or id a plan holds. */
    static final int MAX_STRING_LENGTH = 64 * 1024;
    static final long MAX_FILE_BYTES = 16L * 1024 * 1024;
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .maxStringLength(MAX_STRING_LENGTH)
                            .maxNameLength(MAX_STRING_LENGTH)
                            .build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private PlanFile() {
    }

    /**
     * The imports of {@code file}, each layered over the file's defaults.
     *
     * @throws CliFailure naming the file, the place in it and what was expected
     */
    static List<ImportFields> read(Path file) {
        String where = SafeText.of(file);
        JsonNode root;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw CliFailure.request("plan file " + where + " is " + size + " bytes; expected at most "
                        + MAX_FILE_BYTES);
            }
            root = JSON.readTree(Files.readString(file));
        } catch (StreamConstraintsException e) {
            throw CliFailure.request("plan file " + where + " is refused: " + limit(e) + "; expected at most "
                    + MAX_DEPTH + " levels of nesting and strings of at most " + MAX_STRING_LENGTH + " characters");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String line = at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ")";
            if (e.getOriginalMessage().startsWith("Trailing token")) {
                throw CliFailure.request("plan file " + where + " holds more after its JSON document" + line
                        + "; expected one JSON array or object");
            }
            throw CliFailure.request("plan file " + where + " is not valid JSON: " + e.getOriginalMessage() + line);
        } catch (IOException e) {
            throw CliFailure.request("cannot read plan file " + where + ": " + e);
        }
        if (root == null || root.isMissingNode()) {
            throw CliFailure.request("plan file " + where + " is empty; expected a JSON array of imports");
        }
        JsonNode imports;
        ImportFields defaults = ImportFields.EMPTY;
        if (root.isArray()) {
            imports = root;
        } else if (root.isObject()) {
            for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!name.equals("imports") && !name.equals("defaults")) {
                    throw CliFailure.request(where + ": unknown key " + SafeText.quoted(name)
                            + "; expected 'imports' and 'defaults'");
                }
            }
            imports = root.get("imports");
            if (imports == null || !imports.isArray()) {
                throw CliFailure.request(where + ": 'imports' must be an array of imports");
            }
            if (root.has("defaults")) {
                defaults = fields(root.get("defaults"), where + ": defaults", false);
            }
        } else {
            throw CliFailure.request(where + ": expected a JSON array of imports or an object with 'imports'");
        }
        if (imports.isEmpty()) {
            throw CliFailure.request(where + ": the plan holds no imports");
        }
        var result = new ArrayList<ImportFields>();
        for (int i = 0; i < imports.size(); i++) {
            result.add(fields(imports.get(i), where + ": imports[" + i + "]", true).over(defaults));
        }
        return result;
    }

    /** Jackson's words for a limit, without the name of its setting. */
    private static String limit(StreamConstraintsException e) {
        return e.getOriginalMessage().replaceAll(", from `[^`]*`", "").trim();
    }

    private static ImportFields fields(JsonNode node, String where, boolean needsInstance) {
        if (!node.isObject()) {
            throw CliFailure.request(where + ": expected an object, found " + node.getNodeType());
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                throw CliFailure.request(where + ": unknown key " + SafeText.quoted(name) + "; expected one of "
                        + String.join(", ", KEYS.stream().sorted().toList()));
            }
        }
        String instance = text(node, "instance", where);
        if (needsInstance && instance == null) {
            throw CliFailure.request(where + ": 'instance' is missing; expected the instance's name or UUID");
        }
        if (!needsInstance && instance != null) {
            throw CliFailure.request(where + ": 'instance' cannot be a default; name it in each import");
        }
        return new ImportFields(text(node, "host", where), instance, text(node, "owner", where),
                text(node, "offering", where), text(node, "displayName", where), cpus(node, where),
                memory(node, where), text(node, "template", where),
                mapping(node, "network", "networks", where), addresses(mapping(node, "ip", "ips", where), where),
                mapping(node, "pool", "pools", where), mapping(node, "diskOffering", "diskOfferings", where),
                flag(node, "regenerateMacs", where));
    }

    private static String text(JsonNode node, String key, String where) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw CliFailure.request(where + "." + key + ": found " + SafeText.of(value)
                    + ", expected a non-empty string");
        }
        return value.asText();
    }

    private static Integer cpus(JsonNode node, String where) {
        JsonNode value = node.get("cpus");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 1) {
            throw CliFailure.request(where + ".cpus: found " + SafeText.of(value)
                    + ", expected a whole number of at least 1");
        }
        return value.asInt();
    }

    private static Long memory(JsonNode node, String where) {
        JsonNode value = node.get("memory");
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() && value.asLong() > 0) {
            return value.asLong();
        }
        try {
            return ByteSizes.parse(value.asText());
        } catch (IllegalArgumentException e) {
            throw CliFailure.request(where + ".memory: " + e.getMessage());
        }
    }

    private static Boolean flag(JsonNode node, String key, String where) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw CliFailure.request(where + "." + key + ": found " + SafeText.of(value)
                    + ", expected true or false");
        }
        return value.asBoolean();
    }

    /**
     * An import's IP addresses, each {@code auto}, {@code current} or an IPv4 address; refused before anything runs
     * otherwise.
     */
    private static Mapping addresses(Mapping ips, String where) {
        try {
            return ips.requireValid(where + ".ip", mac -> where + ".ips." + mac, IpAssignment::parse);
        } catch (IllegalArgumentException malformed) {
            throw CliFailure.request(malformed.getMessage());
        }
    }

    private static Mapping mapping(JsonNode node, String single, String plural, String where) {
        String forAll = text(node, single, where);
        JsonNode map = node.get(plural);
        var byDevice = new java.util.LinkedHashMap<String, String>();
        if (map != null && !map.isNull()) {
            if (!map.isObject()) {
                throw CliFailure.request(where + "." + plural + ": found " + SafeText.of(map) + ", expected an object"
                        + " such as {\"52:54:00:aa:bb:cc\": \"guest\"} or {\"vda\": \"local-images\"}");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = map.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (!entry.getValue().isTextual() || entry.getValue().asText().isBlank()) {
                    throw CliFailure.request(where + "." + plural + "." + entry.getKey() + ": found "
                            + SafeText.of(entry.getValue()) + ", expected a non-empty string");
                }
                byDevice.put(entry.getKey(), entry.getValue().asText());
            }
        }
        return byDevice.isEmpty() && forAll == null ? Mapping.NONE : new Mapping(byDevice, forAll);
    }
}
