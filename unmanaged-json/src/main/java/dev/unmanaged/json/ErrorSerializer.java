package dev.unmanaged.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.unmanaged.api.error.UnmanagedException;
import java.io.IOException;

/** Writes a typed error as {@code {"code": ..., "message": ...}}: never a stack trace or a cause. */
final class ErrorSerializer extends StdSerializer<UnmanagedException> {
    private static final long serialVersionUID = 1L;

    ErrorSerializer() {
        super(UnmanagedException.class);
    }

    @Override
    public void serialize(UnmanagedException error, JsonGenerator json, SerializerProvider provider)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("code", error.code().name());
        json.writeStringField("message", error.getMessage());
        json.writeEndObject();
    }
}
