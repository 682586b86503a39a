package dev.unmanaged.reliability.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shared domain XML corpus, found through the {@code unmanaged.corpus} system property. */
public final class Corpus {
    private Corpus() {
    }

    /** The corpus root, {@code ../shared/corpus/domain-xml} beside the project. */
    public static Path root() {
        String configured = System.getProperty("unmanaged.corpus");
        Path root = configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "corpus", "domain-xml");
        if (!Files.isDirectory(root)) {
            // Run from the module directory, the root pom's ${maven.multiModuleProjectDirectory} is the module.
            Path besideProject = Path.of("..", "..", "shared", "corpus", "domain-xml");
            root = Files.isDirectory(besideProject) ? besideProject : root;
        }
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("the domain XML corpus is missing at " + root.toAbsolutePath()
                    + "; set -Dunmanaged.corpus=/path/to/shared/corpus/domain-xml");
        }
        return root.normalize();
    }

    /** Every XML document of the corpus (upstream ones and the hostile ones of bad/), sorted. */
    public static List<Path> allDocuments() {
        return documentsUnder(root());
    }

    /** The hostile documents of bad/. */
    public static List<Path> badDocuments() {
        return documentsUnder(root().resolve("bad"));
    }

    /** The upstream documents (libvirt and cloudstack). */
    public static List<Path> upstreamDocuments() {
        return Stream.concat(documentsUnder(root().resolve("libvirt")).stream(),
                documentsUnder(root().resolve("cloudstack")).stream()).sorted().toList();
    }

    /** The corpus-relative name of a document, for test names. */
    public static String relative(Path document) {
        return root().relativize(document).toString();
    }

    /** The bytes of a document. */
    public static byte[] bytes(Path document) {
        try {
            return Files.readAllBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> documentsUnder(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
