package dev.unmanaged.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unmanaged.api.error.InvalidRequestException;
import java.util.Iterator;
import java.util.Set;
import java.util.function.UnaryOperator;

/** What the readers of hand-written JSON files share: a strict parser and the errors that name a place. */
final class JsonInput {
    /** Refuses duplicate keys and anything after the document. */
    static final ObjectMapper STRICT = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonInput() {
    }

    /** A parse error of {@code source}, naming its line and column. */
    static InvalidRequestException malformed(String source, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? source : source + " line " + at.getLineNr() + ", column " + at.getColumnNr();
        // Jackson names its (here meaningless) source inside the message; the location is given separately.
        String detail = e.getOriginalMessage().replaceAll("\\[Source: [^;]*; ", "[");
        return new InvalidRequestException(where, "malformed JSON", "well-formed JSON (" + detail + ")");
    }

    /** Refuses a key of {@code node} outside {@code allowed}, naming it by {@code placeOf(key)}. */
    static void allowOnly(JsonNode node, Set<String> allowed, UnaryOperator<String> placeOf) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InvalidRequestException(placeOf.apply(name), node.get(name).toString(),
                        "only the keys " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }
}
