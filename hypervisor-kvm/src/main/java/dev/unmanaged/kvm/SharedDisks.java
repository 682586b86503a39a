package dev.unmanaged.kvm;

import dev.unmanaged.api.instance.DiskDescriptor;
import dev.unmanaged.api.instance.DiskUser;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.kvm.AllDomainStats.BlockSizes;
import dev.unmanaged.kvm.AllDomainStats.DomainStats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;

/**
 * Which disks of a host's domains have the same source: a listing finds them among the descriptors it read, with
 * no call of its own; a describe finds the other domains using its disks' sources in the bulk stats of the host's
 * domains (one call), and reads only those domains' definitions, to know whether they declare the disk
 * shareable (and the definitions of any domain whose disks the stats did not name). Only writable disks count:
 * an image that two domains both open read-only (a CD-ROM image, a read-only base) is no risk to either.
 */
final class SharedDisks {
    private SharedDisks() {
    }

    /** {@code listed} (all domains of one host) with each disk's other users among them. */
    static List<InstanceDescriptor> among(List<InstanceDescriptor> listed) {
        Map<String, List<Use>> uses = new HashMap<>();
        for (InstanceDescriptor instance : listed) {
            for (DiskDescriptor disk : instance.disks()) {
                String key = keyOf(disk);
                if (key != null) {
                    uses.computeIfAbsent(key, k -> new ArrayList<>()).add(new Use(instance, disk));
                }
            }
        }
        if (uses.values().stream().allMatch(found -> found.size() < 2)) {
            return listed;
        }
        List<InstanceDescriptor> marked = new ArrayList<>(listed.size());
        for (InstanceDescriptor instance : listed) {
            marked.add(withUsers(instance, disk -> uses.getOrDefault(keyOf(disk), List.of())));
        }
        return marked;
    }

    /**
     * {@code described} with each disk's other users on its host, found with the host's bulk stats.
     *
     * @throws LibvirtException when the connection was lost
     */
    static InstanceDescriptor of(Connect connect, InstanceDescriptor described, DomainDescriber describer)
            throws LibvirtException {
        Set<String> paths = new HashSet<>();
        described.disks().stream().filter(disk -> keyOf(disk) != null).forEach(disk -> paths.add(disk.source()));
        if (paths.isEmpty()) {
            return described;
        }
        Map<UUID, DomainStats> stats = AllDomainStats.read(connect).byUuid();
        List<Use> uses = new ArrayList<>();
        Set<UUID> others = new HashSet<>();
        for (Map.Entry<UUID, DomainStats> entry : stats.entrySet()) {
            List<BlockSizes> blocks = entry.getValue().blocks();
            boolean named = !blocks.isEmpty();
            if (!entry.getKey().equals(described.uuid())
                    && (!named || blocks.stream().anyMatch(block -> paths.contains(block.path())))) {
                others.add(entry.getKey());
            }
        }
        for (UUID other : others) {
            InstanceDescriptor definition = definitionOf(connect, other, describer);
            if (definition != null) {
                definition.disks().forEach(disk -> uses.add(new Use(definition, disk)));
            }
        }
        Map<String, List<Use>> byKey = new LinkedHashMap<>();
        uses.forEach(use -> {
            String key = keyOf(use.disk());
            if (key != null) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(use);
            }
        });
        return withUsers(described, disk -> byKey.getOrDefault(keyOf(disk), List.of()));
    }

    /** The other domain's definition; null when it vanished or cannot be read (then it shares nothing known). */
    private static InstanceDescriptor definitionOf(Connect connect, UUID uuid, DomainDescriber describer)
            throws LibvirtException {
        Domain domain;
        try {
            domain = connect.domainLookupByUUIDString(uuid.toString());
        } catch (LibvirtException e) {
            if (LibvirtErrors.isConnectionLost(e, connect)) {
                throw e;
            }
            return null;
        }
        try {
            InstanceDescriptor parsed = describer.parse(domain.getXMLDesc(0));
            return parsed.toBuilder().name(domain.getName()).build();
        } catch (LibvirtException e) {
            if (LibvirtErrors.isConnectionLost(e, connect)) {
                throw e;
            }
            return null;
        } catch (RuntimeException unreadable) {
            return null;
        } finally {
            KvmInstanceProvider.free(domain);
        }
    }

    private static InstanceDescriptor withUsers(InstanceDescriptor instance, UsesOf usesOf) {
        boolean changed = false;
        List<DiskDescriptor> disks = new ArrayList<>(instance.disks().size());
        for (DiskDescriptor disk : instance.disks()) {
            List<DiskUser> users = keyOf(disk) == null ? List.of() : usesOf.of(disk).stream()
                    .filter(use -> use.instance() != instance && !sameInstance(use.instance(), instance))
                    .map(use -> new DiskUser(use.instance().name(), use.instance().uuid(), use.disk().shareable()))
                    .distinct().toList();
            changed |= !users.isEmpty();
            disks.add(users.isEmpty() ? disk : disk.withSharedWith(users));
        }
        return changed ? instance.withDisks(disks) : instance;
    }

    private static boolean sameInstance(InstanceDescriptor a, InstanceDescriptor b) {
        return a.uuid() != null ? a.uuid().equals(b.uuid()) : a.name().equals(b.name());
    }

    /** What identifies a disk's data on the host; null for disks that cannot be shared unsafely. */
    private static String keyOf(DiskDescriptor disk) {
        if (!disk.isDisk() || disk.readOnly() || disk.source() == null || disk.source().isBlank()) {
            return null;
        }
        return disk.protocol() == null ? disk.source() : disk.protocol() + ":" + disk.source();
    }

    /** One disk of one instance. */
    private record Use(InstanceDescriptor instance, DiskDescriptor disk) {
    }

    @FunctionalInterface
    private interface UsesOf {
        List<Use> of(DiskDescriptor disk);
    }
}
