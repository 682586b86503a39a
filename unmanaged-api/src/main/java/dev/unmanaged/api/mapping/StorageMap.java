package dev.unmanaged.api.mapping;

import dev.unmanaged.api.internal.Copies;
import java.util.List;

/**
 * Ordered rules from a disk's storage on its host to a catalog pool: the first rule that matches a disk wins; a
 * disk no rule matches stays unmapped (and its plan says so).
 *
 * @param rules the rules, in the order they are tried
 */
public record StorageMap(List<StorageRule> rules) {
    /** No rules. */
    public static final StorageMap EMPTY = new StorageMap(List.of());

    public StorageMap {
        rules = Copies.list(rules);
    }
}
