package dev.unmanaged.kvm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A transient directory storage pool of the live daemon over a directory of its own under the images directory,
 * named uniquely (other tests share the daemon), with {@code qemu-img} images in it; {@link #close()} destroys the
 * pool and deletes the directory.
 */
final class LiveStoragePool implements AutoCloseable {
    private static final Path IMAGES = Path.of("/var/lib/libvirt/images");

    private final LiveDaemon daemon;
    private final String name;
    private final Path directory;

    private LiveStoragePool(LiveDaemon daemon, String name, Path directory) {
        this.daemon = daemon;
        this.name = name;
        this.directory = directory;
    }

    static LiveStoragePool create(LiveDaemon daemon) throws IOException {
        String name = "unmanaged-live-pool-" + UUID.randomUUID().toString().substring(0, 8);
        Path directory = IMAGES.resolve(name);
        Files.createDirectories(directory);
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        daemon.virsh("pool-create-as", name, "dir", "--target", directory.toString());
        return new LiveStoragePool(daemon, name, directory);
    }

    String name() {
        return name;
    }

    Path path(String file) {
        return directory.resolve(file);
    }

    /** A new qcow2 image of 64 MiB, on {@code backing} (a qcow2 image) when that is not null. */
    Path qcow2(String file, Path backing) throws IOException {
        Path image = path(file);
        if (backing == null) {
            LiveDaemon.exec("qemu-img", "create", "-q", "-f", "qcow2", image.toString(), "64M");
        } else {
            LiveDaemon.exec("qemu-img", "create", "-q", "-f", "qcow2", "-b", backing.toString(), "-F", "qcow2",
                    image.toString());
        }
        refresh();
        return image;
    }

    /** A new raw image of 16 MiB. */
    Path raw(String file) throws IOException {
        Path image = path(file);
        LiveDaemon.exec("qemu-img", "create", "-q", "-f", "raw", image.toString(), "16M");
        refresh();
        return image;
    }

    /** Lets the pool see files made behind its back. */
    void refresh() throws IOException {
        daemon.virsh("pool-refresh", name);
    }

    @Override
    public void close() throws IOException {
        try {
            daemon.virsh("pool-destroy", name);
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
