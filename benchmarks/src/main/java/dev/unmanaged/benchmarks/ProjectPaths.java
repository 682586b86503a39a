package dev.unmanaged.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where the benchmarks find the shared corpus and where they may write scratch files. The corpus lies beside
 * the project root ({@code ../shared/corpus/domain-xml}), as the tests expect it; the system property
 * {@code unmanaged.corpus} overrides that.
 */
public final class ProjectPaths {
    private static final String CORPUS_PROPERTY = "unmanaged.corpus";
    private static final Path CORPUS_BESIDE_ROOT = Path.of("shared", "corpus", "domain-xml");

    private ProjectPaths() {
    }

    /** The domain XML corpus directory; fails with the places it looked in when there is none. */
    public static Path corpus() {
        String property = System.getProperty(CORPUS_PROPERTY);
        if (property != null && !property.isBlank()) {
            Path configured = Path.of(property).toAbsolutePath().normalize();
            if (!Files.isDirectory(configured)) {
                throw new IllegalStateException("system property " + CORPUS_PROPERTY + " names " + configured
                        + ", which is not a directory");
            }
            return configured;
        }
        // The working directory is the project root (run.sh) or the benchmarks module (surefire): look upwards.
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path parent = dir.getParent();
            if (parent != null && Files.isDirectory(parent.resolve(CORPUS_BESIDE_ROOT))) {
                return parent.resolve(CORPUS_BESIDE_ROOT).normalize();
            }
        }
        throw new IllegalStateException("no domain XML corpus found: set -D" + CORPUS_PROPERTY
                + "=/path/to/shared/corpus/domain-xml or run from the project root with ../shared beside it");
    }

    /** A scratch directory for generated files and databases, created when missing. */
    public static Path scratch(String name) {
        String base = System.getProperty("unmanaged.benchmarks.scratch");
        Path root = base == null ? Path.of("target", "benchmark-scratch") : Path.of(base);
        Path dir = root.resolve(name).toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create scratch directory " + dir, e);
        }
        return dir;
    }

    /** A scratch directory as {@link #scratch} gives it, emptied of what an earlier run left. */
    public static Path emptyScratch(String name) {
        Path directory = scratch(name);
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(directory)) {
                    Files.delete(path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + directory, e);
        }
        return directory;
    }
}
