package dev.unmanaged.api.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Defensive copies for record components: a {@code null} collection becomes an empty one. For the api's own
 * records; the package is not exported.
 */
public final class Copies {
    private Copies() {
    }

    /** An unmodifiable copy of {@code list}; empty when {@code list} is null. Elements must not be null. */
    public static <T> List<T> list(@Nullable List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** An unmodifiable copy of {@code set}; empty when {@code set} is null. */
    public static <T> Set<T> set(@Nullable Set<T> set) {
        return set == null ? Set.of() : Set.copyOf(set);
    }

    /** An unmodifiable copy of {@code map}; empty when {@code map} is null. */
    public static <K, V> Map<K, V> map(@Nullable Map<K, V> map) {
        return map == null ? Map.of() : Map.copyOf(map);
    }
}
