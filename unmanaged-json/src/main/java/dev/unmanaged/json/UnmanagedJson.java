package dev.unmanaged.json;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.unmanaged.api.error.UnmanagedException;
import dev.unmanaged.api.operation.ImportPlan;
import dev.unmanaged.api.operation.IpAssignment;
import dev.unmanaged.api.operation.Problem;
import java.io.UncheckedIOException;

/**
 * The JSON form of the library's records: camelCase keys named after the record components (the public
 * contract in {@code docs/descriptor-json.md}) plus {@code importable} on an import plan, UUIDs in lower case, enums by name, {@code null} for values
 * that are not set, and errors as {@code {"code": ..., "message": ...}}.
 */
public final class UnmanagedJson {
    private static final ObjectMapper MAPPER = newMapper();

    private UnmanagedJson() {
    }

    /**
     * A new mapper configured for the contract. Keys come from record components only: convenience methods such
     * as {@code DiskDescriptor.isDisk()} never become keys.
     */
    public static ObjectMapper newMapper() {
        SimpleModule module = new SimpleModule("unmanaged");
        module.addSerializer(UnmanagedException.class, new ErrorSerializer());
        module.addSerializer(IpAssignment.class, new IpAssignmentJson.Serializer());
        module.addDeserializer(IpAssignment.class, new IpAssignmentJson.Deserializer());
        module.addSerializer(Problem.class, new ProblemJson.Serializer());
        module.addDeserializer(Problem.class, new ProblemJson.Deserializer());
        module.setMixInAnnotation(ImportPlan.class, ImportPlanMixin.class);
        return JsonMapper.builder()
                .addModule(module)
                .addModule(new JavaTimeModule())
                .visibility(PropertyAccessor.ALL, Visibility.NONE)
                .visibility(PropertyAccessor.FIELD, Visibility.ANY)
                .visibility(PropertyAccessor.CREATOR, Visibility.ANY)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.ALWAYS,
                        JsonInclude.Include.ALWAYS))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /** The shared, thread-safe mapper. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** {@code value} as compact JSON. */
    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code value} as indented JSON. */
    public static String toPrettyJson(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
