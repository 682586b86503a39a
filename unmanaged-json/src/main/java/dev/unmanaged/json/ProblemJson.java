package dev.unmanaged.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.unmanaged.api.operation.Problem;
import dev.unmanaged.api.operation.ProblemCode;
import dev.unmanaged.api.operation.Severity;
import java.io.IOException;
import java.util.Arrays;

/**
 * A {@link Problem} is written {@code {"code", "severity", "subject", "message"}}, its {@code code} being the code
 * as shown: a custom rule's namespaced code ({@code acme.NO_GPU_IMPORT}), else the built-in code's name; so a
 * consumer reads one key whoever found the problem. Read back, a code that names no built-in one is a rule's.
 */
final class ProblemJson {
    private ProblemJson() {
    }

    static final class Serializer extends StdSerializer<Problem> {
        private static final long serialVersionUID = 1L;

        Serializer() {
            super(Problem.class);
        }

        @Override
        public void serialize(Problem problem, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeStartObject();
            json.writeStringField("code", problem.codeName());
            json.writeStringField("severity", problem.severity().name());
            json.writeStringField("subject", problem.subject());
            json.writeStringField("message", problem.message());
            json.writeEndObject();
        }
    }

    static final class Deserializer extends StdDeserializer<Problem> {
        private static final long serialVersionUID = 1L;

        Deserializer() {
            super(Problem.class);
        }

        @Override
        public Problem deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = parser.readValueAsTree();
            String code = text(node, "code", parser);
            Severity severity = Severity.valueOf(text(node, "severity", parser));
            String subject = text(node, "subject", parser);
            String message = text(node, "message", parser);
            boolean builtIn = Arrays.stream(ProblemCode.values()).anyMatch(c -> c.name().equals(code));
            return builtIn ? new Problem(ProblemCode.valueOf(code), severity, subject, message)
                    : Problem.ofRule(code, severity, subject, message);
        }

        private static String text(JsonNode node, String key, JsonParser parser) throws IOException {
            JsonNode value = node.get(key);
            if (value == null || !value.isTextual()) {
                throw JsonMappingException.from(parser, "problem." + key + ": found " + value + ", expected a string");
            }
            return value.asText();
        }
    }
}
