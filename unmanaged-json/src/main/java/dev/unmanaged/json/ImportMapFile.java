package dev.unmanaged.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.mapping.DiskMatch;
import dev.unmanaged.api.mapping.ImportMap;
import dev.unmanaged.api.mapping.IpPolicy;
import dev.unmanaged.api.mapping.NetworkMap;
import dev.unmanaged.api.mapping.NetworkRule;
import dev.unmanaged.api.mapping.NicMatch;
import dev.unmanaged.api.mapping.OfferingPolicy;
import dev.unmanaged.api.mapping.StorageMap;
import dev.unmanaged.api.mapping.StorageRule;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Reads an {@link ImportMap} from a JSON map file:
 *
 * <pre>{@code
 * {
 *   "networks": [
 *     {"match": {"bridge": "br0"}, "network": "prod"},
 *     {"match": {"network": "default"}, "network": "guest", "ip": "none"},
 *     {"match": {"device": "eth0"}, "network": "lab"},
 *     {"match": {"vlan": 130}, "network": "lab"},
 *     {"match": {"portGroup": "DC0_DVPG0"}, "network": "prod"}
 *   ],
 *   "pools": [
 *     {"match": {"hostPool": "default"}, "pool": "local-images"},
 *     {"match": {"pathPrefix": "/mnt/primary/"}, "pool": "nfs-primary"}
 *   ],
 *   "offering": "custom",
 *   "ip": "auto"
 * }
 * }</pre>
 *
 * Every key is optional: no rules, offering {@code custom}, ip {@code none}. A {@code match} holds exactly one
 * key; a network rule may give its own {@code ip}. {@code offering} is {@code custom} or {@code smallest-fixed};
 * {@code ip} is {@code auto}, {@code current} (the address the guest uses now) or {@code none}. A malformed file, an unknown key or a value that is not allowed is
 * refused with an {@link InvalidRequestException} naming the place: line and column for malformed JSON, else the
 * file and the JSON pointer of the value, e.g. {@code map.json at /networks/3/match/vlan}. Whether the ids exist in
 * the catalog is checked by {@code dev.unmanaged.core.ImportMaps.requireKnownIds}, which names rules by the same
 * pointers.
 */
public final class ImportMapFile {
    private static final Set<String> ROOT_KEYS = Set.of("networks", "pools", "poolsByHostPool", "offering", "ip");
    private static final Set<String> NETWORK_RULE_KEYS = Set.of("match", "network", "ip");
    private static final Set<String> POOL_RULE_KEYS = Set.of("match", "pool");

    private ImportMapFile() {
    }

    /**
     * Reads the map file at {@code file}.
     *
     * @throws InvalidRequestException when the file cannot be read or holds anything not allowed
     */
    public static ImportMap load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(JsonInput.STRICT.readTree(reader), file.toString());
        } catch (JsonProcessingException e) {
            throw JsonInput.malformed(file.toString(), e);
        } catch (IOException e) {
            throw new InvalidRequestException("map file", file.toString(), "a readable file (" + e + ")");
        }
    }

    /**
     * Reads a map from JSON text; errors name the place in it under {@code source}.
     *
     * @throws InvalidRequestException when the text holds anything not allowed
     */
    public static ImportMap parse(String json, String source) {
        try {
            return parse(JsonInput.STRICT.readTree(json), source);
        } catch (JsonProcessingException e) {
            throw JsonInput.malformed(source, e);
        }
    }

    private static ImportMap parse(JsonNode root, String source) {
        Place top = new Place(source, "");
        if (root == null || !root.isObject()) {
            throw new InvalidRequestException(top.name(), root == null ? "nothing" : root.toString(),
                    "a JSON object with the keys networks, pools, poolsByHostPool, offering, ip");
        }
        top.allowOnly(root, ROOT_KEYS);
        IpPolicy ip = choice(root, top, "ip", IpPolicy.class, IpPolicy.NONE);
        OfferingPolicy offering = choice(root, top, "offering", OfferingPolicy.class, OfferingPolicy.CUSTOM);
        List<NetworkRule> networks = rules(root, top.at("networks"), (rule, at) -> {
            at.allowOnly(rule, NETWORK_RULE_KEYS);
            NicMatch match = match(rule, at.at("match"), NicMatch.Kind.values(), NicMatch.Kind::key,
                    (kind, value) -> new NicMatch(kind, value));
            return new NetworkRule(match, text(rule, at, "network"), choice(rule, at, "ip", IpPolicy.class, null));
        });
        List<StorageRule> pools = rules(root, top.at("pools"), (rule, at) -> {
            at.allowOnly(rule, POOL_RULE_KEYS);
            DiskMatch match = match(rule, at.at("match"), DiskMatch.Kind.values(), DiskMatch.Kind::key,
                    (kind, value) -> new DiskMatch(kind, value));
            return new StorageRule(match, text(rule, at, "pool"));
        });
        boolean byHostPool = flag(root, top, "poolsByHostPool");
        return new ImportMap(new NetworkMap(networks, ip), new StorageMap(pools, byHostPool), offering);
    }

    private static <T> List<T> rules(JsonNode root, Place at, BiFunction<JsonNode, Place, T> reader) {
        JsonNode list = root.get(at.last());
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new InvalidRequestException(at.name(), list.toString(), "a JSON array of rules");
        }
        var rules = new ArrayList<T>();
        for (int i = 0; i < list.size(); i++) {
            Place rulePlace = at.at(Integer.toString(i));
            JsonNode rule = list.get(i);
            if (!rule.isObject()) {
                throw new InvalidRequestException(rulePlace.name(), rule.toString(), "a JSON object with a match");
            }
            rules.add(reader.apply(rule, rulePlace));
        }
        return rules;
    }

    /** The single key of a rule's {@code match} object, read as the match kind of that key. */
    private static <K, M> M match(JsonNode rule, Place at, K[] kinds, Function<K, String> keyOf,
                                  BiFunction<K, String, M> factory) {
        JsonNode match = rule.get("match");
        List<String> keys = Arrays.stream(kinds).map(keyOf).toList();
        if (match == null || !match.isObject() || match.size() != 1) {
            throw new InvalidRequestException(at.name(), match == null ? "nothing" : match.toString(),
                    "an object with exactly one of the keys " + String.join(", ", keys));
        }
        String key = match.fieldNames().next();
        Place valuePlace = at.at(key);
        K kind = Arrays.stream(kinds).filter(k -> keyOf.apply(k).equals(key)).findFirst()
                .orElseThrow(() -> new InvalidRequestException(valuePlace.name(), match.get(key).toString(),
                        "only one of the keys " + String.join(", ", keys)));
        JsonNode value = match.get(key);
        boolean vlan = "vlan".equals(key);
        boolean valid = vlan ? value.isIntegralNumber() && value.canConvertToInt() && value.intValue() >= 0
                && value.intValue() <= 4095 : value.isTextual() && !value.asText().isBlank();
        if (!valid) {
            throw new InvalidRequestException(valuePlace.name(), value.toString(),
                    vlan ? "a VLAN tag from 0 to 4095" : "a name as a JSON string that is not blank");
        }
        return factory.apply(kind, value.asText());
    }

    private static String text(JsonNode node, Place at, String key) {
        JsonNode value = node.get(key);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new InvalidRequestException(at.at(key).name(), value == null ? "nothing" : value.toString(),
                    "a catalog id as a JSON string");
        }
        return value.asText();
    }

    /** A JSON boolean; false when absent. */
    private static boolean flag(JsonNode node, Place at, String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new InvalidRequestException(at.at(key).name(), value.toString(), "true or false");
        }
        return value.asBoolean();
    }

    private static <E extends Enum<E>> E choice(JsonNode node, Place at, String key, Class<E> type, E fallback) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        List<String> names = Arrays.stream(type.getEnumConstants()).map(ImportMapFile::spelling).toList();
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> value.isTextual() && spelling(e).equals(value.asText()))
                .findFirst()
                .orElseThrow(() -> new InvalidRequestException(at.at(key).name(), value.toString(),
                        "one of " + String.join(", ", names)));
    }

    /** {@code SMALLEST_FIXED} as a file writes it: {@code smallest-fixed}. */
    private static String spelling(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A place in the file: its name and a JSON pointer. */
    private record Place(String source, String pointer) {
        Place at(String key) {
            return new Place(source, pointer + "/" + key.replace("~", "~0").replace("/", "~1"));
        }

        String last() {
            return pointer.substring(pointer.lastIndexOf('/') + 1);
        }

        String name() {
            return source + " at " + (pointer.isEmpty() ? "/" : pointer);
        }

        void allowOnly(JsonNode node, Set<String> allowed) {
            JsonInput.allowOnly(node, allowed, key -> at(key).name());
        }
    }
}
