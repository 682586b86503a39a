package dev.unmanaged.benchmarks.parse;

import dev.unmanaged.benchmarks.ProjectPaths;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every real domain document of the shared corpus ({@code libvirt/} and {@code cloudstack/}, not the hostile
 * {@code bad/} inputs), read into memory so that the benchmarks measure parsing, not the disk.
 *
 * @param files     the documents' paths, in a stable order
 * @param documents the documents' bytes, in the same order
 */
public record CorpusDocuments(List<Path> files, List<byte[]> documents) {
    private static final List<String> SETS = List.of("libvirt", "cloudstack");

    /** Reads the whole corpus. */
    public static CorpusDocuments load() {
        Path root = ProjectPaths.corpus();
        List<Path> files = new ArrayList<>();
        for (String set : SETS) {
            try (Stream<Path> walk = Files.walk(root.resolve(set))) {
                walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".xml")).sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list corpus directory " + root.resolve(set), e);
            }
        }
        List<byte[]> documents = new ArrayList<>(files.size());
        for (Path file : files) {
            try {
                documents.add(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read corpus file " + file, e);
            }
        }
        if (documents.isEmpty()) {
            throw new IllegalStateException("the corpus at " + root + " holds no documents under " + SETS);
        }
        return new CorpusDocuments(List.copyOf(files), List.copyOf(documents));
    }

    /** Total size in bytes. */
    public long totalBytes() {
        return documents.stream().mapToLong(d -> d.length).sum();
    }
}
