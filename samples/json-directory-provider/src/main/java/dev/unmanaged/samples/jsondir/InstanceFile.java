package dev.unmanaged.samples.jsondir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.unmanaged.api.error.InvalidDefinitionException;
import dev.unmanaged.api.instance.CpuDescriptor;
import dev.unmanaged.api.instance.DescriptorWarning;
import dev.unmanaged.api.instance.DiskDescriptor;
import dev.unmanaged.api.instance.GraphicsDescriptor;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.MemoryDescriptor;
import dev.unmanaged.api.instance.NicDescriptor;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.api.instance.WarningCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One instance's file, {@code <name>.json}, and its mapping to an {@link InstanceDescriptor}:
 *
 * <pre>{@code
 * {
 *   "uuid": "4f0c0d3e-5a54-4b0e-9d5c-1f6f2b1b9a10",
 *   "name": "web-1",
 *   "state": "running",            // running | paused | suspended | stopped | crashed
 *   "persistent": true,            // false: the hypervisor deletes the file when the instance stops
 *   "vcpus": 2,
 *   "memoryMib": 2048,
 *   "disks": [ { "target": "vda", "path": "/srv/images/web-1.qcow2", "format": "qcow2",
 *                "capacityMib": 10240, "allocationMib": 2048 } ],
 *   "nics": [ { "mac": "52:54:00:12:34:56", "bridge": "br0", "model": "virtio" } ],
 *   "graphics": { "type": "vnc", "port": 5901, "password": "never read by the provider" }
 * }
 * }</pre>
 *
 * A file that cannot be read is still described, with placeholders flagged by blocking warnings, so that an
 * instance is never silently dropped from a listing.
 */
final class InstanceFile {
    /** Files above this size are refused unread: no instance needs more, and a huge file is a mistake. */
    static final long MAX_BYTES = 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MIB = 1024L * 1024L;
    private static final Map<String, PowerState> STATES = Map.of(
            "running", PowerState.RUNNING, "paused", PowerState.PAUSED, "suspended", PowerState.SUSPENDED,
            "stopped", PowerState.STOPPED, "crashed", PowerState.CRASHED);

    private InstanceFile() {
    }

    /** True when {@code file} is an instance file: {@code *.json}, not hidden (temporary files are). */
    static boolean isInstanceFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".json") && !name.startsWith(".") && Files.isRegularFile(file);
    }

    /**
     * The instance the file describes, or a placeholder with blocking warnings when it cannot be read.
     *
     * @throws java.nio.file.NoSuchFileException when the file vanished (the instance stopped or was removed)
     */
    static InstanceDescriptor read(Path file, String hostId) throws IOException {
        String fallbackName = file.getFileName().toString().replaceFirst("\\.json$", "");
        if (Files.size(file) > MAX_BYTES) {
            return unreadable(fallbackName, null, hostId, "the file is larger than " + MAX_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            // Jackson's message may quote the document (and so a password); say where, not what.
            return unreadable(fallbackName, null, hostId, "the file is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        try {
            return toDescriptor(root, hostId);
        } catch (InvalidDefinitionException e) {
            UUID uuid = null;
            try {
                uuid = uuid(root);
            } catch (InvalidDefinitionException unused) {
                // Without a readable UUID the instance is shown without one, never with an invented one.
            }
            return unreadable(fallbackName, uuid, hostId, e.getMessage());
        }
    }

    /**
     * Makes the instance in {@code file} persistent. Writes a sibling temporary file and moves it over the
     * original, so that a reader never sees half a file.
     *
     * @return true when the file said transient and now says persistent; false when it already was persistent
     */
    static boolean makePersistent(Path file) throws IOException {
        JsonNode root = JSON.readTree(Files.readAllBytes(file));
        if (!(root instanceof ObjectNode object)) {
            throw new InvalidDefinitionException("(document)", null, "a JSON object");
        }
        if (persistent(root)) {
            return false;
        }
        object.put("persistent", true);
        writeAtomically(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(object));
        return true;
    }

    /** Replaces {@code file}'s content with {@code bytes} in one step for every reader. */
    static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path temp = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.write(temp, bytes);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static InstanceDescriptor toDescriptor(JsonNode root, String hostId) {
        if (!root.isObject()) {
            throw new InvalidDefinitionException("(document)", root.getNodeType().toString(), "a JSON object");
        }
        int vcpus = positiveInt(root, "vcpus");
        long memoryMib = positiveLong(root, "memoryMib");
        List<DiskDescriptor> disks = new ArrayList<>();
        for (JsonNode disk : array(root, "disks")) {
            disks.add(disk(disk, disks.size()));
        }
        List<NicDescriptor> nics = new ArrayList<>();
        for (JsonNode nic : array(root, "nics")) {
            nics.add(nic(nic, nics.size()));
        }
        List<GraphicsDescriptor> graphics = new ArrayList<>();
        JsonNode console = root.path("graphics");
        if (console.isObject()) {
            // Only whether a password is set; its value is never read into anything.
            graphics.add(new GraphicsDescriptor(text(console, "type", "graphics.type", "vnc"),
                    console.hasNonNull("port") ? console.get("port").asInt() : null, null,
                    console.hasNonNull("password") && !console.get("password").asText().isEmpty()));
        }
        return InstanceDescriptor.builder().uuid(uuid(root)).name(requiredText(root, "name")).hostId(hostId)
                .hypervisor(JsonDirectoryProvider.HYPERVISOR).virtualizationType("jsondir").powerState(state(root))
                .persistent(persistent(root)).cpu(CpuDescriptor.of(vcpus))
                .memory(MemoryDescriptor.ofBytes(Math.multiplyExact(memoryMib, MIB))).disks(disks).nics(nics)
                .graphics(graphics).build();
    }

    private static DiskDescriptor disk(JsonNode disk, int index) {
        String field = "disks[" + index + "]";
        Long capacity = disk.hasNonNull("capacityMib") ? Math.multiplyExact(disk.get("capacityMib").asLong(), MIB)
                : null;
        Long allocation = disk.hasNonNull("allocationMib")
                ? Math.multiplyExact(disk.get("allocationMib").asLong(), MIB) : null;
        return DiskDescriptor.builder().driverType(text(disk, "format", field + ".format", null))
                .source(text(disk, "path", field + ".path", null))
                .deviceName(requiredText(disk, "target", field + ".target")).bus("virtio")
                .capacityBytes(capacity).allocationBytes(allocation).build();
    }

    private static NicDescriptor nic(JsonNode nic, int index) {
        String field = "nics[" + index + "]";
        String mac = requiredText(nic, "mac", field + ".mac").toLowerCase(Locale.ROOT);
        if (!mac.matches("[0-9a-f]{2}(:[0-9a-f]{2}){5}")) {
            throw new InvalidDefinitionException(field + ".mac", mac, "six hexadecimal pairs such as 52:54:00:12:34:56");
        }
        return new NicDescriptor("bridge", mac, text(nic, "model", field + ".model", null),
                text(nic, "bridge", field + ".bridge", null), List.of(), null, null, null);
    }

    private static UUID uuid(JsonNode root) {
        String text = requiredText(root, "uuid");
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidDefinitionException("uuid", text, "a UUID such as 4f0c0d3e-5a54-4b0e-9d5c-1f6f2b1b9a10");
        }
    }

    private static PowerState state(JsonNode root) {
        String text = requiredText(root, "state");
        PowerState state = STATES.get(text);
        if (state == null) {
            throw new InvalidDefinitionException("state", text, "one of " + STATES.keySet());
        }
        return state;
    }

    private static boolean persistent(JsonNode root) {
        JsonNode value = root.get("persistent");
        if (value == null || value.isNull()) {
            return true;
        }
        if (!value.isBoolean()) {
            throw new InvalidDefinitionException("persistent", value.toString(), "true or false");
        }
        return value.booleanValue();
    }

    private static int positiveInt(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < 1) {
            throw new InvalidDefinitionException(field, value == null ? null : value.toString(),
                    "a whole number of at least 1");
        }
        return value.intValue();
    }

    private static long positiveLong(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (value == null || !value.canConvertToLong() || !value.isIntegralNumber() || value.longValue() < 1) {
            throw new InvalidDefinitionException(field, value == null ? null : value.toString(),
                    "a whole number of at least 1");
        }
        return value.longValue();
    }

    private static List<JsonNode> array(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new InvalidDefinitionException(field, value.getNodeType().toString(), "an array");
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return items;
    }

    private static String requiredText(JsonNode node, String field) {
        return requiredText(node, field, field);
    }

    private static String requiredText(JsonNode node, String field, String shownAs) {
        String value = text(node, field, shownAs, null);
        if (value == null || value.isBlank()) {
            throw new InvalidDefinitionException(shownAs, value, "a non-empty string");
        }
        return value;
    }

    private static String text(JsonNode node, String field, String shownAs, String fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isTextual()) {
            throw new InvalidDefinitionException(shownAs, value.toString(), "a string");
        }
        return value.textValue();
    }

    /** What can be said of an instance whose file cannot be read: its name, maybe its UUID, and why not more. */
    private static InstanceDescriptor unreadable(String name, UUID uuid, String hostId, String why) {
        InstanceDescriptor.Builder unreadable = InstanceDescriptor.definitionUnreadable(
                JsonDirectoryProvider.HYPERVISOR, name, uuid, null, null, "the instance file could not be read: " + why)
                .toBuilder().hostId(hostId).virtualizationType("jsondir");
        if (uuid == null) {
            unreadable.warning(DescriptorWarning.blocking(WarningCodes.UUID_MISSING,
                    "the instance file gives no readable UUID; none is invented"));
        }
        return unreadable.build();
    }
}
