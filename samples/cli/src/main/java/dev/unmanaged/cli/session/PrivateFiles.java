package dev.unmanaged.cli.session;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Directories and files of the tool's home that only their owner may use: the inventory lists every managed VM
 * of the user's hosts. On a file system without POSIX permissions they are created as usual.
 */
final class PrivateFiles {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {
    }

    /**
     * Creates {@code directory} and its missing parents, each with mode 0700 from the start (no moment when
     * another user could list or enter it); existing ones are left as they are.
     */
    static void createDirectories(Path directory) throws IOException {
        if (POSIX) {
            Files.createDirectories(directory,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(directory);
        }
    }

    /** Gives {@code file}, when it exists, mode 0600. */
    static void restrict(Path file) throws IOException {
        if (POSIX && Files.exists(file)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
