package dev.unmanaged.api.mapping;

import dev.unmanaged.api.internal.Copies;
import java.util.List;

/**
 * Ordered rules from a disk's storage on its host to a catalog pool: the first rule that matches a disk wins; a
 * disk no rule matches stays unmapped (and its plan says so), unless {@code byHostPool} maps it.
 *
 * @param rules      the rules, in the order they are tried
 * @param byHostPool when true, a disk no rule matches goes onto the catalog pool whose
 *                   {@link dev.unmanaged.api.inventory.StoragePool#hostPoolName()} is the host pool the disk lies
 *                   in ({@link dev.unmanaged.api.instance.DiskDescriptor#hostPool()}, or the pool a volume disk
 *                   names); a disk that lies in none of them is reported unmapped, naming its host pool
 */
public record StorageMap(List<StorageRule> rules, boolean byHostPool) {
    /** No rules. */
    public static final StorageMap EMPTY = new StorageMap(List.of(), false);
    /** No rules: every disk goes onto the catalog pool of the host pool it lies in (the tool's {@code --pool auto}). */
    public static final StorageMap BY_HOST_POOL = new StorageMap(List.of(), true);

    public StorageMap {
        rules = Copies.list(rules);
    }

    /** Rules only. */
    public StorageMap(List<StorageRule> rules) {
        this(rules, false);
    }
}
