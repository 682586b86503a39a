package dev.unmanaged.api.operation;

import dev.unmanaged.api.mapping.ImportMap;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A request to plan (and then import) every unmanaged instance of a selection of hosts under one map.
 *
 * @param selection   the hosts, asked in parallel, and the states (and name text) to keep; its paging is ignored
 * @param namePattern keep instances whose name matches this glob ({@code *} any run of characters, {@code ?} one
 *                    character, letter case counts); null for all
 * @param map         maps every instance's NICs, disks and offering
 * @param ownerId     the owner every instance will belong to
 * @param offeringId  the compute offering of every instance; null to choose each by the map's offering policy
 * @param options     MAC handling; its dry-run flag is ignored (planning is the dry run)
 */
public record FleetRequest(ListQuery selection, @Nullable String namePattern, ImportMap map, String ownerId,
                           @Nullable String offeringId, ImportOptions options) {
    public FleetRequest {
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(map, "map");
        Objects.requireNonNull(ownerId, "ownerId");
        options = new ImportOptions(false, Objects.requireNonNullElse(options, ImportOptions.DEFAULT)
                .regenerateCollidingMacs());
    }

    /** Every unmanaged instance of {@code selection}'s hosts, for {@code ownerId}, under {@code map}. */
    public static FleetRequest of(ListQuery selection, ImportMap map, String ownerId) {
        return new FleetRequest(selection, null, map, ownerId, null, ImportOptions.DEFAULT);
    }

    /** This request keeping only names that match {@code glob}. */
    public FleetRequest withNamePattern(@Nullable String glob) {
        return new FleetRequest(selection, glob, map, ownerId, offeringId, options);
    }

    /** This request with one offering for every instance. */
    public FleetRequest withOffering(@Nullable String id) {
        return new FleetRequest(selection, namePattern, map, ownerId, id, options);
    }

    /** This request with other options. */
    public FleetRequest withOptions(ImportOptions newOptions) {
        return new FleetRequest(selection, namePattern, map, ownerId, offeringId, newOptions);
    }
}
