package dev.unmanaged.kvm.xml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The shared domain XML corpus (system property {@code unmanaged.corpus}) and its two indexes. */
final class Corpus {
    private Corpus() {
    }

    static Path root() {
        String property = System.getProperty("unmanaged.corpus");
        if (property == null) {
            throw new IllegalStateException("system property unmanaged.corpus is not set");
        }
        Path root = Path.of(property);
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("corpus directory " + root + " does not exist");
        }
        return root;
    }

    /** One row of {@code INDEX.tsv}: a real document under libvirt/ or cloudstack/. */
    record Document(String relativePath, String domainType, int disks, int interfaces, boolean hasCputune,
                    String cpuMode, boolean upstreamExpectsError) {
        Path path() {
            return root().resolve(relativePath);
        }

        @Override
        public String toString() {
            return relativePath;
        }
    }

    /** One row of {@code bad/INDEX.tsv}. */
    record BadInput(String file, String expected, String rule) {
        Path path() {
            return root().resolve("bad").resolve(file);
        }

        @Override
        public String toString() {
            return file + " (" + expected + ")";
        }
    }

    static List<Document> documents() {
        List<Map<String, String>> rows = readTsv(root().resolve("INDEX.tsv"));
        List<Document> documents = new ArrayList<>();
        for (Map<String, String> row : rows) {
            documents.add(new Document(row.get("relative_path"), row.get("domain_type"),
                    Integer.parseInt(row.get("n_disk")), Integer.parseInt(row.get("n_interface")),
                    "yes".equals(row.get("has_cputune")), row.get("cpu_mode"),
                    "yes".equals(row.get("upstream_expects_error"))));
        }
        return documents;
    }

    static List<BadInput> badInputs() {
        List<BadInput> inputs = new ArrayList<>();
        for (Map<String, String> row : readTsv(root().resolve("bad").resolve("INDEX.tsv"))) {
            inputs.add(new BadInput(row.get("file"), row.get("expected"), row.get(row.keySet().stream()
                    .filter(k -> !k.equals("file") && !k.equals("expected")).findFirst().orElseThrow())));
        }
        return inputs;
    }

    static BadInput bad(String file) {
        return badInputs().stream().filter(b -> b.file().equals(file)).findFirst().orElseThrow();
    }

    private static List<Map<String, String>> readTsv(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            String[] header = lines.get(0).split("\t", -1);
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = Arrays.copyOf(line.split("\t", -1), header.length);
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], cells[i] == null ? "" : cells[i]);
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
