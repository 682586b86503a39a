package dev.unmanaged.cli.session;

import java.nio.file.Path;

/**
 * The tool's own directory: {@code $UNMANAGED_HOME}, or {@code ~/.unmanaged}. It holds the embedded inventory
 * database and the demo host's node file.
 */
public record UnmanagedHome(Path directory) {
    /** The environment variable that moves the directory. */
    public static final String VARIABLE = "UNMANAGED_HOME";

    /** The directory named by the environment, or the default under the user's home. */
    public static UnmanagedHome fromEnvironment() {
        String configured = System.getenv(VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return new UnmanagedHome(Path.of(configured).toAbsolutePath().normalize());
        }
        return new UnmanagedHome(Path.of(System.getProperty("user.home"), ".unmanaged"));
    }

    /** Where the embedded H2 inventory lives. */
    public Path inventoryDirectory() {
        return directory.resolve("inventory");
    }

    /** Where the demo host's node file is extracted. */
    public Path demoHostFile() {
        return directory.resolve("demo-host.xml");
    }
}
