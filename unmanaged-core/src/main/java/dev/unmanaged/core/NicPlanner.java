package dev.unmanaged.core;

import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.NicDescriptor;
import dev.unmanaged.api.inventory.AddressRange;
import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.inventory.Network;
import dev.unmanaged.api.net.MacAddresses;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.IpAssignment;
import dev.unmanaged.api.operation.Problem;
import dev.unmanaged.api.operation.ProblemCode;
import dev.unmanaged.api.spi.InventoryCatalog;
import dev.unmanaged.api.text.SafeText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Maps every NIC onto a network with its MAC and IP: the network must exist and be usable by the owner, the MAC
 * free on it (or regenerated when asked), a fixed IP inside the range, free and asked for once, {@code current}
 * must name the one IPv4 address the running guest uses on the NIC, which is then checked as a fixed IP, and
 * {@code auto} must find a free address.
 */
final class NicPlanner {
    /** Bounds the search for a free address for the plan; the commit allocates atomically anyway. */
    private static final int MAX_ADDRESS_PROBES = 65_536;

    private final ImportRequest request;
    private final InventoryCatalog catalog;
    private final CatalogAccess access;
    private final List<Problem> problems;
    /** "network|address" pairs taken by this request so far. */
    private final Set<String> takenInRequest = new HashSet<>();
    private final Set<String> macsInRequest = new HashSet<>();
    /** "network|address" pairs the instance's own existing record holds; they are no collision with itself. */
    private final Set<String> heldByItself = new HashSet<>();

    NicPlanner(ImportRequest request, InventoryCatalog catalog, CatalogAccess access, List<Problem> problems,
               Optional<ManagedInstance> existing) {
        this.request = request;
        this.catalog = catalog;
        this.access = access;
        this.problems = problems;
        existing.ifPresent(record -> record.nics().forEach(nic -> {
            heldByItself.add(key(nic.networkId(), nic.mac()));
            if (nic.ipAddress() != null) {
                heldByItself.add(key(nic.networkId(), nic.ipAddress()));
            }
        }));
    }

    List<PlannedNic> plan(InstanceDescriptor instance) {
        var instanceMacs = new LinkedHashSet<String>();
        instance.nics().stream().map(NicDescriptor::mac).filter(m -> m != null).forEach(instanceMacs::add);
        reportSharedMacs(instance);
        reserveFixedAddressesFirst(instance);

        var planned = new ArrayList<PlannedNic>();
        List<NicDescriptor> nics = instance.nics();
        for (int i = 0; i < nics.size(); i++) {
            planNic(i, instance, nics.get(i)).ifPresent(planned::add);
        }
        reportUnknownKeys(instanceMacs);
        return planned;
    }

    /**
     * Two NICs with one MAC cannot both be keyed by it, and would collide on their network once imported. A
     * provider should already have warned, but the plan does not rely on every provider doing so.
     */
    private void reportSharedMacs(InstanceDescriptor instance) {
        Map<String, Long> nicsPerMac = instance.nics().stream().map(NicDescriptor::mac).filter(m -> m != null)
                .collect(Collectors.groupingBy(m -> m, LinkedHashMap::new, Collectors.counting()));
        nicsPerMac.forEach((mac, count) -> {
            if (count > 1) {
                problems.add(Problem.block(ProblemCode.INSTANCE_UNSAFE, "nic " + SafeText.of(mac), "MAC "
                        + SafeText.of(mac) + " is carried by " + count + " NICs of the instance; expected each NIC"
                        + " to have its own MAC, as NICs are mapped and reserved by MAC"));
            }
        });
    }

    /**
     * Fixed addresses (and the guests' current ones) are claimed before any {@code auto} is planned, as the commit
     * reserves them first too.
     */
    private void reserveFixedAddressesFirst(InstanceDescriptor instance) {
        for (NicDescriptor nic : instance.nics()) {
            if (nic.mac() == null || !request.networkByMac().containsKey(nic.mac())) {
                continue;
            }
            IpAssignment ip = request.ipByMac().get(nic.mac());
            String address = ip instanceof IpAssignment.Fixed fixed ? fixed.address()
                    : ip instanceof IpAssignment.Current && nic.guestIpv4Addresses().size() == 1
                    ? nic.guestIpv4Addresses().get(0) : null;
            if (address != null) {
                // Duplicates are found in planNic; here only the first claim of each address counts.
                takenInRequest.add(key(request.networkByMac().get(nic.mac()), address));
            }
        }
    }

    private Optional<PlannedNic> planNic(int index, InstanceDescriptor instance, NicDescriptor nic) {
        if (nic.mac() == null) {
            problems.add(Problem.block(ProblemCode.NIC_MAC_MISSING, "nic #" + (index + 1), "nic #" + (index + 1)
                    + " (" + SafeText.of(nic.type()) + " " + SafeText.quoted(nic.source())
                    + ") has no MAC address; expected one to key its network mapping"));
            return Optional.empty();
        }
        String subject = "nic " + SafeText.of(nic.mac());
        if (!MacAddresses.isCanonical(nic.mac())) {
            problems.add(Problem.block(ProblemCode.INSTANCE_UNSAFE, subject, "nic #" + (index + 1) + " has MAC "
                    + SafeText.quoted(nic.mac()) + "; expected six hexadecimal pairs such as 52:54:00:12:34:56"));
            return Optional.empty();
        }
        String networkId = request.networkByMac().get(nic.mac());
        if (networkId == null) {
            problems.add(Problem.block(ProblemCode.NIC_UNMAPPED, subject, "nic " + SafeText.of(nic.mac())
                    + " (" + SafeText.of(nic.type()) + " " + SafeText.quoted(nic.source())
                    + ") is mapped to no network; expected a network id for it"));
            return Optional.empty();
        }
        Optional<Network> found = catalog.network(networkId);
        if (found.isEmpty()) {
            problems.add(Problem.block(ProblemCode.NETWORK_NOT_FOUND, subject, "network "
                    + SafeText.quoted(networkId) + " does not exist; expected an existing network id"));
            return Optional.empty();
        }
        Network network = found.get();
        access.check(network, "network", subject, problems);
        return Optional.of(planAddresses(subject, instance, nic, network));
    }

    private PlannedNic planAddresses(String subject, InstanceDescriptor instance, NicDescriptor nic,
                                     Network network) {
        String mac = planMac(subject, nic.mac(), network);
        IpAssignment ip = request.ipByMac().get(nic.mac());
        String plannedIp = null;
        if (ip instanceof IpAssignment.Fixed fixed) {
            plannedIp = checkFixed(subject, fixed.address(), network);
        } else if (ip instanceof IpAssignment.Current) {
            plannedIp = GuestAddressChoice.of(subject, instance, nic, problems)
                    .map(address -> checkCurrent(subject, address, network)).orElse(null);
        } else if (ip instanceof IpAssignment.Auto) {
            plannedIp = planAutomatic(subject, network);
        }
        return new PlannedNic(nic.mac(), mac, network.id(), ip, plannedIp);
    }

    private String planMac(String subject, String mac, Network network) {
        boolean collides = !heldByItself.contains(key(network.id(), mac)) && catalog.isMacInUse(network.id(), mac);
        if (!collides) {
            macsInRequest.add(mac);
            return mac;
        }
        String where = "MAC " + SafeText.of(mac) + " is already in use on network " + SafeText.quoted(network.id());
        if (!request.options().regenerateCollidingMacs()) {
            problems.add(Problem.block(ProblemCode.MAC_IN_USE, subject, where
                    + "; expected a MAC free on that network, or the option to regenerate colliding MACs"));
            return mac;
        }
        String fresh = LocallyAdministeredMacs.freshLocallyAdministered(
                m -> macsInRequest.contains(m) || catalog.isMacInUse(network.id(), m));
        macsInRequest.add(fresh);
        problems.add(Problem.warn(ProblemCode.MAC_IN_USE, subject, where + "; recorded as " + fresh
                + " instead (the guest keeps " + SafeText.of(mac) + " until the new MAC is applied to it)"));
        return fresh;
    }

    private String checkFixed(String subject, String address, Network network) {
        AddressRange range = network.range();
        if (!range.contains(address)) {
            problems.add(Problem.block(ProblemCode.IP_OUT_OF_RANGE, subject, "IP " + address
                    + " is outside network " + SafeText.quoted(network.id()) + "; expected an address in "
                    + range.first() + "-" + range.last()));
            return address;
        }
        return checkFree(subject, address, network);
    }

    /** The guest's current address is checked as a fixed one, but its range problem has a code of its own. */
    private String checkCurrent(String subject, String address, Network network) {
        AddressRange range = network.range();
        if (!range.contains(address)) {
            problems.add(Problem.block(ProblemCode.IP_GUEST_OUT_OF_RANGE, subject, "the guest uses IP " + address
                    + " on this NIC, which is outside network " + SafeText.quoted(network.id())
                    + "; expected an address in " + range.first() + "-" + range.last()
                    + ", or a fixed IP or auto instead of current"));
            return address;
        }
        return checkFree(subject, address, network);
    }

    private String checkFree(String subject, String address, Network network) {
        if (!claimFixed(network.id(), address)) {
            problems.add(Problem.block(ProblemCode.IP_DUPLICATE_IN_REQUEST, subject, "IP " + address
                    + " is asked for by more than one NIC on network " + SafeText.quoted(network.id())
                    + "; expected each fixed address once"));
        } else if (!heldByItself.contains(key(network.id(), address)) && catalog.isIpInUse(network.id(), address)) {
            problems.add(Problem.block(ProblemCode.IP_IN_USE, subject, "IP " + address
                    + " is already in use on network " + SafeText.quoted(network.id())
                    + "; expected a free address, or auto"));
        }
        return address;
    }

    private final Set<String> fixedClaimed = new HashSet<>();

    private boolean claimFixed(String networkId, String address) {
        return fixedClaimed.add(key(networkId, address));
    }

    private String planAutomatic(String subject, Network network) {
        Optional<String> lowestFree = catalog.firstFreeIp(network.id());
        AddressRange range = network.range();
        if (lowestFree.isPresent() && range.contains(lowestFree.get())) {
            long start = range.offsetOf(lowestFree.get());
            long end = Math.min(range.size(), start + MAX_ADDRESS_PROBES);
            for (long offset = start; offset < end; offset++) {
                String candidate = range.addressAt(offset);
                if (takenInRequest.contains(key(network.id(), candidate))) {
                    continue;
                }
                if (offset == start || !catalog.isIpInUse(network.id(), candidate)) {
                    takenInRequest.add(key(network.id(), candidate));
                    return candidate;
                }
            }
        }
        problems.add(Problem.block(ProblemCode.IP_RANGE_EXHAUSTED, subject, "network "
                + SafeText.quoted(network.id()) + " has no free address left in " + range.first() + "-"
                + range.last() + " for auto; expected a network with a free address, or a fixed IP"));
        return null;
    }

    private void reportUnknownKeys(Set<String> instanceMacs) {
        var mapped = new LinkedHashSet<String>(request.networkByMac().keySet());
        mapped.addAll(request.ipByMac().keySet());
        for (String mac : mapped) {
            if (!instanceMacs.contains(mac)) {
                problems.add(Problem.block(ProblemCode.MAPPING_UNKNOWN_DEVICE, "nic " + SafeText.of(mac),
                        "the request maps nic " + SafeText.quoted(mac) + " but the instance has no such NIC;"
                                + " expected one of " + instanceMacs));
            }
        }
    }

    private static String key(String networkId, String address) {
        return networkId + '|' + address;
    }
}
