package dev.unmanaged.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.unmanaged.api.operation.IpAssignment;
import java.io.IOException;

/** An {@link IpAssignment} is written as the string {@code "auto"}, {@code "current"} or the address. */
final class IpAssignmentJson {
    private IpAssignmentJson() {
    }

    static final class Serializer extends StdSerializer<IpAssignment> {
        private static final long serialVersionUID = 1L;

        Serializer() {
            super(IpAssignment.class);
        }

        @Override
        public void serialize(IpAssignment ip, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeString(ip.toString());
        }
    }

    static final class Deserializer extends StdDeserializer<IpAssignment> {
        private static final long serialVersionUID = 1L;

        Deserializer() {
            super(IpAssignment.class);
        }

        @Override
        public IpAssignment deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return IpAssignment.parse(parser.getValueAsString());
        }
    }
}
