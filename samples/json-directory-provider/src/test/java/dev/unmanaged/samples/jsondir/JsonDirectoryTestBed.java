package dev.unmanaged.samples.jsondir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.tck.InstanceSpec;
import dev.unmanaged.tck.TestBed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Plays the {@code jsondir} hypervisor for the conformance kit: writes, rewrites and deletes instance files in a
 * temporary directory, the way the hypervisor would.
 */
final class JsonDirectoryTestBed implements TestBed {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MIB = 1024L * 1024L;

    private final Path directory;
    private final Host host;

    JsonDirectoryTestBed() {
        try {
            directory = Files.createTempDirectory("jsondir-host-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        host = new Host("jsondir-host", JsonDirectoryProvider.HYPERVISOR, directory.toString());
    }

    Path directory() {
        return directory;
    }

    @Override
    public Host host() {
        return host;
    }

    @Override
    public Optional<Host> unreachableHost() {
        return Optional.of(new Host("jsondir-gone", JsonDirectoryProvider.HYPERVISOR,
                directory.resolve("no-such-directory").toString()));
    }

    @Override
    public UUID create(InstanceSpec spec) {
        UUID uuid = UUID.randomUUID();
        ObjectNode root = JSON.createObjectNode();
        root.put("uuid", uuid.toString());
        root.put("name", spec.name());
        root.put("state", spec.state().name().toLowerCase(Locale.ROOT));
        root.put("persistent", spec.persistent());
        root.put("vcpus", spec.vcpus());
        root.put("memoryMib", spec.memoryBytes() / MIB);
        ArrayNode disks = root.putArray("disks");
        for (InstanceSpec.DiskSpec disk : spec.disks()) {
            disks.addObject().put("target", disk.deviceName())
                    .put("path", "/srv/images/" + spec.name() + "-" + disk.deviceName() + ".qcow2")
                    .put("format", "qcow2").put("capacityMib", disk.capacityBytes() / MIB)
                    .put("allocationMib", disk.capacityBytes() / MIB / 4);
        }
        ArrayNode nics = root.putArray("nics");
        for (InstanceSpec.NicSpec nic : spec.nics()) {
            nics.addObject().put("mac", nic.mac()).put("bridge", "br0").put("model", "virtio");
        }
        if (spec.graphicsPassword() != null) {
            root.putObject("graphics").put("type", "vnc").put("port", 5900).put("password", spec.graphicsPassword());
        }
        write(fileOf(spec.name()), root);
        return uuid;
    }

    @Override
    public void shutDown(UUID uuid) {
        Path file = fileOf(uuid).orElseThrow(() -> new IllegalStateException("no instance " + uuid));
        ObjectNode root = readObject(file);
        if (root.path("persistent").asBoolean(true)) {
            root.put("state", PowerState.STOPPED.name().toLowerCase(Locale.ROOT));
            write(file, root);
        } else {
            delete(file);
        }
    }

    @Override
    public Optional<Optional<String>> graphicsPasswordOf(UUID uuid) {
        Optional<String> password = fileOf(uuid).map(JsonDirectoryTestBed::readObject)
                .map(root -> root.path("graphics").path("password"))
                .filter(node -> node.isTextual())
                .map(node -> node.asText());
        return Optional.of(password);
    }

    @Override
    public void remove(UUID uuid) {
        fileOf(uuid).ifPresent(this::delete);
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(this::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a file as the hypervisor would, e.g. a broken one. */
    void writeRaw(String fileName, String content) {
        try {
            InstanceFile.writeAtomically(directory.resolve(fileName), content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path fileOf(String name) {
        return directory.resolve(name + ".json");
    }

    private Optional<Path> fileOf(UUID uuid) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(InstanceFile::isInstanceFile)
                    .filter(f -> uuid.toString().equals(readObject(f).path("uuid").asText()))
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode readObject(Path file) {
        try {
            return (ObjectNode) JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, ObjectNode root) {
        try {
            InstanceFile.writeAtomically(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
