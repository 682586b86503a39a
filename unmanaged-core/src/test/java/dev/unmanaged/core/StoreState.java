package dev.unmanaged.core;

import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.inventory.Network;
import dev.unmanaged.api.spi.InventoryStore;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything a store shows through the SPI, so tests can say "exactly as before": the records, every reserved
 * address of every catalog network, and which of the given MACs are reserved where.
 *
 * @param instances records, sorted by UUID
 * @param ips       reserved addresses per network
 * @param macs      reserved MACs (of those asked about) per network
 */
record StoreState(List<ManagedInstance> instances, Map<String, Set<String>> ips, Map<String, Set<String>> macs) {

    static StoreState of(InventoryStore store, Collection<String> macsOfInterest) {
        var ips = new TreeMap<String, Set<String>>();
        var macs = new TreeMap<String, Set<String>>();
        for (Network network : store.catalog().snapshot().networks()) {
            var held = new TreeSet<String>();
            for (long i = 0; i < network.range().size(); i++) {
                String address = network.range().addressAt(i);
                if (store.catalog().isIpInUse(network.id(), address)) {
                    held.add(address);
                }
            }
            ips.put(network.id(), held);
            var macsHeld = new TreeSet<String>();
            for (String mac : macsOfInterest) {
                if (store.catalog().isMacInUse(network.id(), mac)) {
                    macsHeld.add(mac);
                }
            }
            macs.put(network.id(), macsHeld);
        }
        List<ManagedInstance> records = store.list().stream()
                .sorted(Comparator.comparing(ManagedInstance::uuid)).toList();
        return new StoreState(records, ips, macs);
    }

    /** Reserved addresses of all networks together. */
    long reservedIps() {
        return ips.values().stream().mapToLong(Set::size).sum();
    }

    /** Reserved MACs (of those asked about) of all networks together. */
    long reservedMacs() {
        return macs.values().stream().mapToLong(Set::size).sum();
    }
}
