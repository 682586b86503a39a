package dev.unmanaged.kvm;

import dev.unmanaged.kvm.AllDomainStats.BlockSizes;
import dev.unmanaged.kvm.AllDomainStats.DomainStats;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainInfo.DomainState;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one listing learns about all of a host's domains in a constant number of round trips, so that each
 * domain then costs one call of its own (its definition): state, disk sizes and the backing chains of running
 * domains from {@link AllDomainStats}, persistence from {@code listAllDomains} with
 * {@code VIR_CONNECT_LIST_DOMAINS_TRANSIENT}.
 * Whatever these calls do not return (a domain defined after them, a host whose driver lacks the call, a disk
 * the driver does not measure) is read per domain, as {@link DomainDescriber} does without them.
 */
final class BulkDomainFacts {
    /** Nothing known: every domain is read with calls of its own. */
    static final BulkDomainFacts NONE = new BulkDomainFacts(Map.of(), null);

    private static final Logger LOG = LoggerFactory.getLogger(BulkDomainFacts.class);
    private static final int LIST_TRANSIENT = 1 << 3;

    private final Map<UUID, DomainStats> stats;
    private final Set<UUID> transients;

    private BulkDomainFacts(Map<UUID, DomainStats> stats, Set<UUID> transients) {
        this.stats = stats;
        this.transients = transients;
    }

    /**
     * Two round trips: the stats of every domain and the list of transient ones.
     *
     * @throws LibvirtException only when the connection was lost
     */
    static BulkDomainFacts read(Connect connect, String hostId) throws LibvirtException {
        AllDomainStats.Outcome outcome = AllDomainStats.read(connect);
        outcome.unavailable().ifPresent(why -> LOG.debug(
                "host {}: no bulk domain stats ({}); each domain's state and disks are read on their own", hostId, why));
        return new BulkDomainFacts(outcome.byUuid(), transients(connect, hostId));
    }

    /** UUIDs of the transient domains; null when libvirt cannot filter by persistence. */
    private static Set<UUID> transients(Connect connect, String hostId) throws LibvirtException {
        Domain[] found;
        try {
            found = connect.listAllDomains(LIST_TRANSIENT);
        } catch (LibvirtException e) {
            if (LibvirtErrors.isConnectionLost(e, connect)) {
                throw e;
            }
            LOG.debug("host {}: transient domains not listed ({}); each domain's persistence is read on its own",
                    hostId, LibvirtErrors.libvirtMessage(e));
            return null;
        }
        Set<UUID> uuids = new HashSet<>(found.length * 2);
        try {
            for (Domain domain : found) {
                uuids.add(UUID.fromString(domain.getUUIDString()));
            }
        } finally {
            KvmInstanceProvider.free(found);
        }
        return uuids;
    }

    /** What is known of the domain with {@code uuid}; fields the bulk calls did not return are null. */
    DomainFacts about(UUID uuid) {
        DomainStats found = uuid == null ? null : stats.get(uuid);
        Boolean persistent = transients == null || uuid == null || found == null ? null : !transients.contains(uuid);
        return found == null ? new DomainFacts(null, persistent, List.of())
                : new DomainFacts(found.state(), persistent, found.blocks());
    }

    /**
     * One domain's facts from the bulk calls.
     *
     * @param state      its state, null when unknown
     * @param persistent whether it is persistent, null when unknown
     * @param blocks     its disks as the stats call reported them, empty when none were reported
     */
    record DomainFacts(DomainState state, Boolean persistent, List<BlockSizes> blocks) {
        /** Nothing known: every detail is read with a call of its own. */
        static final DomainFacts NONE = new DomainFacts(null, null, List.of());
    }
}
