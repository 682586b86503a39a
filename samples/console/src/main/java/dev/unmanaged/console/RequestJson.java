package dev.unmanaged.console;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.text.SafeText;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reading a request body: one JSON object, strictly (no key twice, nothing after it, shallow nesting), each
 * field checked for its type. Every refusal is an {@link InvalidRequestException} naming the field.
 */
final class RequestJson {
    /** A request body is a few levels deep; far fewer than would exhaust the stack. */
    private static final int MAX_DEPTH = 16;
    private static final ObjectMapper STRICT = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final JsonNode node;
    private final String place;

    private RequestJson(JsonNode node, String place) {
        this.node = node;
        this.place = place;
    }

    /** The body {@code body}: a JSON object whose keys are all in {@code allowed}. */
    static RequestJson object(byte[] body, Set<String> allowed) {
        JsonNode root;
        try {
            root = STRICT.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("body", "malformed JSON", "one well-formed JSON object ("
                    + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new InvalidRequestException("body", "unreadable", "one JSON object");
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidRequestException("body", "nothing", "one JSON object");
        }
        return of(root, "body", allowed);
    }

    /** The object {@code node} found at {@code place}, whose keys are all in {@code allowed}. */
    static RequestJson of(JsonNode node, String place, Set<String> allowed) {
        if (!node.isObject()) {
            throw new InvalidRequestException(place, node.getNodeType().name().toLowerCase(java.util.Locale.ROOT),
                    "a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InvalidRequestException(place + "." + SafeText.of(name), "an unknown key",
                        "only the keys " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
        return new RequestJson(node, place);
    }

    /** The field {@code key}, or null. */
    JsonNode get(String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : value;
    }

    String place(String key) {
        return place + "." + key;
    }

    /** The non-blank string at {@code key}. */
    String requiredText(String key) {
        String value = text(key);
        if (value == null) {
            throw new InvalidRequestException(place(key), "nothing", "a non-empty string");
        }
        return value;
    }

    /** The non-blank string at {@code key}, or null when absent. */
    String text(String key) {
        JsonNode value = get(key);
        if (value == null) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new InvalidRequestException(place(key), SafeText.of(value), "a non-empty string");
        }
        return value.asText();
    }

    /** The whole number of at least 1 at {@code key}, or null. */
    Long positive(String key) {
        JsonNode value = get(key);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 1) {
            throw new InvalidRequestException(place(key), SafeText.of(value), "a whole number of at least 1");
        }
        return value.asLong();
    }

    /** The boolean at {@code key}; false when absent. */
    boolean flag(String key) {
        JsonNode value = get(key);
        if (value == null) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new InvalidRequestException(place(key), SafeText.of(value), "true or false");
        }
        return value.asBoolean();
    }

    /** The object of non-blank strings at {@code key}; empty when absent. */
    Map<String, String> strings(String key) {
        var result = new LinkedHashMap<String, String>();
        JsonNode value = get(key);
        if (value == null) {
            return result;
        }
        if (!value.isObject()) {
            throw new InvalidRequestException(place(key), SafeText.of(value), "an object of strings");
        }
        value.properties().forEach(entry -> {
            JsonNode item = entry.getValue();
            if (!item.isTextual() || item.asText().isBlank()) {
                throw new InvalidRequestException(place(key) + "." + SafeText.of(entry.getKey()), SafeText.of(item),
                        "a non-empty string");
            }
            result.put(entry.getKey(), item.asText());
        });
        return result;
    }
}
