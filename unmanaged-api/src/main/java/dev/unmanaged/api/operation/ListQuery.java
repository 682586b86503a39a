package dev.unmanaged.api.operation;

import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.api.internal.Copies;
import dev.unmanaged.api.spi.ListingDetail;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which unmanaged instances to list.
 *
 * @param hosts         the hosts to ask, in parallel
 * @param nameContains  keep instances whose name contains this text; null for all
 * @param states        keep instances in these states; empty for all
 * @param hostIds       keep instances on these hosts; empty for all
 * @param offset        skip this many instances of the sorted result
 * @param limit         return at most this many; 0 for no limit
 * @param hostDeadline  how long one host may take; null for the default
 * @param guestAddresses read the addresses running guests use on their NICs (see
 *                       {@link dev.unmanaged.api.instance.NicDescriptor#guestAddresses()}); this costs the host a
 *                       call or more per running instance, so it is off unless asked for
 * @param storage        read each instance's snapshots, block jobs and the host pool of each disk (see
 *                       {@link dev.unmanaged.api.spi.ListingDetail#STORAGE}); a few calls per instance, so it is off
 *                       unless asked for
 */
public record ListQuery(List<Host> hosts, @Nullable String nameContains, Set<PowerState> states, Set<String> hostIds,
                        int offset, int limit, @Nullable Duration hostDeadline, boolean guestAddresses,
                        boolean storage) {
    public ListQuery {
        hosts = Copies.list(hosts);
        states = Copies.set(states);
        hostIds = Copies.set(hostIds);
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must be >= 0");
        }
    }

    /** A query that does not read storage details. */
    public ListQuery(List<Host> hosts, @Nullable String nameContains, Set<PowerState> states, Set<String> hostIds,
                     int offset, int limit, @Nullable Duration hostDeadline, boolean guestAddresses) {
        this(hosts, nameContains, states, hostIds, offset, limit, hostDeadline, guestAddresses, false);
    }

    /** A query that does not read guest addresses or storage details. */
    public ListQuery(List<Host> hosts, @Nullable String nameContains, Set<PowerState> states, Set<String> hostIds,
                     int offset, int limit, @Nullable Duration hostDeadline) {
        this(hosts, nameContains, states, hostIds, offset, limit, hostDeadline, false, false);
    }

    /** Every unmanaged instance of {@code hosts}. */
    public static ListQuery of(List<Host> hosts) {
        return new ListQuery(hosts, null, Set.of(), Set.of(), 0, 0, null, false, false);
    }

    /** Every unmanaged instance of {@code hosts}. */
    public static ListQuery of(Host... hosts) {
        return of(List.of(hosts));
    }

    /** This query with a host deadline. */
    public ListQuery withHostDeadline(Duration deadline) {
        return new ListQuery(hosts, nameContains, states, hostIds, offset, limit, Objects.requireNonNull(deadline),
                guestAddresses, storage);
    }

    /** This query with a name filter. */
    public ListQuery withNameContaining(@Nullable String text) {
        return new ListQuery(hosts, text, states, hostIds, offset, limit, hostDeadline, guestAddresses,
                storage);
    }

    /** This query with a state filter. */
    public ListQuery withStates(Set<PowerState> wanted) {
        return new ListQuery(hosts, nameContains, wanted, hostIds, offset, limit, hostDeadline, guestAddresses,
                storage);
    }

    /** This query with paging. */
    public ListQuery withPage(int newOffset, int newLimit) {
        return new ListQuery(hosts, nameContains, states, hostIds, newOffset, newLimit, hostDeadline, guestAddresses,
                storage);
    }

    /** This query reading guest addresses (true) or not (false). */
    public ListQuery withGuestAddresses(boolean read) {
        return new ListQuery(hosts, nameContains, states, hostIds, offset, limit, hostDeadline, read, storage);
    }

    /** This query reading storage details (true) or not (false). */
    public ListQuery withStorage(boolean read) {
        return new ListQuery(hosts, nameContains, states, hostIds, offset, limit, hostDeadline, guestAddresses, read);
    }

    /** The costlier details this query asks providers to read. */
    public Set<ListingDetail> details() {
        var details = EnumSet.noneOf(ListingDetail.class);
        if (guestAddresses) {
            details.add(ListingDetail.GUEST_ADDRESSES);
        }
        if (storage) {
            details.add(ListingDetail.STORAGE);
        }
        return Set.copyOf(details);
    }
}
