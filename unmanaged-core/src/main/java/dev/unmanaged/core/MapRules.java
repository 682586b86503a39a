package dev.unmanaged.core;

import dev.unmanaged.api.instance.DiskDescriptor;
import dev.unmanaged.api.instance.NicDescriptor;
import dev.unmanaged.api.mapping.DiskMatch;
import dev.unmanaged.api.mapping.NetworkMap;
import dev.unmanaged.api.mapping.NetworkRule;
import dev.unmanaged.api.mapping.NicMatch;
import dev.unmanaged.api.mapping.StorageMap;
import dev.unmanaged.api.mapping.StorageRule;
import java.util.Optional;
import java.util.Set;

/** Which rule of a map a NIC or a disk falls under: the first one that matches. */
final class MapRules {
    /** NIC types whose source is a libvirt attachment; any other source is read as a vSphere port group. */
    private static final Set<String> LIBVIRT_NIC_TYPES = Set.of("bridge", "network", "direct");

    private MapRules() {
    }

    static Optional<NetworkRule> firstFor(NetworkMap map, NicDescriptor nic) {
        return map.rules().stream().filter(rule -> matches(rule.match(), nic)).findFirst();
    }

    static Optional<StorageRule> firstFor(StorageMap map, DiskDescriptor disk) {
        return map.rules().stream().filter(rule -> matches(rule.match(), disk)).findFirst();
    }

    static boolean matches(NicMatch match, NicDescriptor nic) {
        String value = match.value();
        return switch (match.kind()) {
            case VLAN -> nic.vlanTags().contains(Integer.parseInt(value));
            case BRIDGE -> "bridge".equals(nic.type()) && value.equals(nic.source());
            case NETWORK -> "network".equals(nic.type()) && value.equals(nic.source());
            case DEVICE -> "direct".equals(nic.type()) && value.equals(nic.source());
            case PORT_GROUP -> !LIBVIRT_NIC_TYPES.contains(nic.type()) && value.equals(nic.source());
        };
    }

    static boolean matches(DiskMatch match, DiskDescriptor disk) {
        String source = disk.source();
        return source != null && switch (match.kind()) {
            case PATH_PREFIX -> source.startsWith(match.value());
            case HOST_POOL -> match.value().equals(hostPoolOf(disk).orElse(null));
        };
    }

    /**
     * The host pool a disk lies in: the one its host named ({@link DiskDescriptor#hostPool()}), else the one its
     * source names: {@code pool} of a volume or network disk's {@code pool/volume}, or {@code datastore} of a
     * vSphere {@code [datastore] path}.
     */
    static Optional<String> hostPoolOf(DiskDescriptor disk) {
        String source = disk.source();
        if (disk.hostPool() != null) {
            return Optional.of(disk.hostPool());
        }
        if (source == null) {
            return Optional.empty();
        }
        int close = source.indexOf(']');
        if (source.startsWith("[") && close > 1) {
            return Optional.of(source.substring(1, close));
        }
        int slash = source.indexOf('/');
        if (("volume".equals(disk.type()) || "network".equals(disk.type())) && slash > 0) {
            return Optional.of(source.substring(0, slash));
        }
        return Optional.empty();
    }
}
