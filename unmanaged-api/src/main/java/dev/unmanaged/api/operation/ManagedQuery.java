package dev.unmanaged.api.operation;

import dev.unmanaged.api.error.InvalidRequestException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which managed instances to list from the inventory, with the same filters and paging as {@link ListQuery}.
 *
 * @param nameContains keep instances whose name or display name contains this text, ignoring letter case; null for
 *                     all
 * @param hostIds      keep instances on these hosts; empty for all
 * @param ownerIds     keep instances of these owners; empty for all
 * @param offset       skip this many instances of the sorted result
 * @param limit        return at most this many; 0 for no limit
 */
public record ManagedQuery(@Nullable String nameContains, Set<String> hostIds, Set<String> ownerIds, int offset,
                           int limit) {
    public ManagedQuery {
        hostIds = hostIds == null ? Set.of() : Set.copyOf(hostIds);
        ownerIds = ownerIds == null ? Set.of() : Set.copyOf(ownerIds);
        if (offset < 0) {
            throw new InvalidRequestException("offset", String.valueOf(offset), "a number >= 0");
        }
        if (limit < 0) {
            throw new InvalidRequestException("limit", String.valueOf(limit), "a number >= 0 (0 for no limit)");
        }
    }

    /** Every managed instance. */
    public static ManagedQuery all() {
        return new ManagedQuery(null, Set.of(), Set.of(), 0, 0);
    }

    /** This query with a name filter. */
    public ManagedQuery withNameContaining(@Nullable String text) {
        return new ManagedQuery(text, hostIds, ownerIds, offset, limit);
    }

    /** This query keeping only instances on these hosts. */
    public ManagedQuery onHosts(Set<String> ids) {
        return new ManagedQuery(nameContains, ids, ownerIds, offset, limit);
    }

    /** This query keeping only instances of these owners. */
    public ManagedQuery ofOwners(Set<String> ids) {
        return new ManagedQuery(nameContains, hostIds, ids, offset, limit);
    }

    /** This query with paging. */
    public ManagedQuery withPage(int newOffset, int newLimit) {
        return new ManagedQuery(nameContains, hostIds, ownerIds, newOffset, newLimit);
    }
}
