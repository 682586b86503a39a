package dev.unmanaged.core;

import dev.unmanaged.api.instance.DiskDescriptor;
import dev.unmanaged.api.inventory.StoragePool;
import dev.unmanaged.api.text.SafeText;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a storage pool holds a disk: a file, block or dir disk whose source lies under the pool's path, a
 * volume (or network image) whose {@code pool/name} source names the pool's hypervisor pool name, or a vSphere
 * disk whose {@code [datastore] path} source names the pool's hypervisor pool name as its datastore.
 */
final class PoolMembership {
    /** A vSphere datastore path: {@code [datastore] folder/file.vmdk}. */
    private static final Pattern DATASTORE_PATH = Pattern.compile("\\[([^\\]]+)\\] .*");

    private PoolMembership() {
    }

    /** Why {@code pool} does not hold {@code disk}, or empty when it does. */
    static Optional<String> whyNotHeld(DiskDescriptor disk, StoragePool pool) {
        String poolName = "pool " + SafeText.quoted(pool.id());
        String source = disk.source();
        if (source == null || source.isBlank()) {
            return Optional.of("disk " + SafeText.of(disk.deviceName()) + " has no source (an empty drive);"
                    + " expected a disk image held by " + poolName);
        }
        Matcher datastore = DATASTORE_PATH.matcher(source);
        if (datastore.matches()) {
            return inDatastore(disk, datastore.group(1), pool, poolName);
        }
        String type = disk.type() == null ? "file" : disk.type();
        return switch (type) {
            case "file", "block", "dir" -> underPath(disk, source, pool, poolName);
            case "volume", "network" -> inNamedPool(disk, source, pool, poolName);
            default -> Optional.of("disk " + SafeText.of(disk.deviceName()) + " has source type "
                    + SafeText.quoted(type) + " which no pool can be shown to hold; expected a file, block, dir,"
                    + " volume or network disk");
        };
    }

    private static Optional<String> underPath(DiskDescriptor disk, String source, StoragePool pool,
                                              String poolName) {
        if (pool.path() == null) {
            return Optional.of(poolName + " has no path, so it cannot hold " + disk.type() + " disk "
                    + SafeText.of(disk.deviceName()) + " at " + SafeText.quoted(source)
                    + "; expected a pool with a path");
        }
        try {
            Path root = Path.of(pool.path()).normalize();
            Path file = Path.of(source).normalize();
            if (file.isAbsolute() && file.startsWith(root) && !file.equals(root)) {
                return Optional.empty();
            }
        } catch (InvalidPathException e) {
            // falls through: a source that is not a valid path lies under no pool
        }
        return Optional.of("disk " + SafeText.of(disk.deviceName()) + " source " + SafeText.quoted(source)
                + " is not under the path " + SafeText.quoted(pool.path()) + " of " + poolName
                + "; expected a pool whose path holds it");
    }

    private static Optional<String> inDatastore(DiskDescriptor disk, String datastore, StoragePool pool,
                                                String poolName) {
        if (datastore.equals(pool.hostPoolName())) {
            return Optional.empty();
        }
        return Optional.of("disk " + SafeText.of(disk.deviceName()) + " is on datastore " + SafeText.quoted(datastore)
                + " but " + poolName + " is " + SafeText.quoted(pool.hostPoolName())
                + "; expected the pool whose host pool name is the disk's datastore");
    }

    private static Optional<String> inNamedPool(DiskDescriptor disk, String source, StoragePool pool,
                                                String poolName) {
        int slash = source.indexOf('/');
        String sourcePool = slash > 0 ? source.substring(0, slash) : null;
        if (pool.hostPoolName() != null && pool.hostPoolName().equals(sourcePool)) {
            return Optional.empty();
        }
        return Optional.of("disk " + SafeText.of(disk.deviceName()) + " source " + SafeText.quoted(source)
                + " is in hypervisor pool " + SafeText.quoted(sourcePool) + " but " + poolName + " is "
                + SafeText.quoted(pool.hostPoolName()) + "; expected the pool named in the disk's source");
    }
}
