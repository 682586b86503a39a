package dev.unmanaged.api.mapping;

import dev.unmanaged.api.error.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/** The checks every map value shares. */
final class MapValues {
    private MapValues() {
    }

    static String requireText(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(field, value == null ? "nothing" : value, "a name that is not blank");
        }
        return value;
    }
}
