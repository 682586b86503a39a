package dev.unmanaged.api.mapping;

import java.util.Objects;

/**
 * One rule of a {@link StorageMap}: disks stored as {@code match} says go onto catalog pool {@code poolId}.
 *
 * @param match  where the disk is stored on its host
 * @param poolId the catalog storage pool
 */
public record StorageRule(DiskMatch match, String poolId) {
    public StorageRule {
        Objects.requireNonNull(match, "match");
        MapValues.requireText("pool", poolId);
    }
}
