package dev.unmanaged.kvm;

import static org.junit.jupiter.api.Assertions.fail;

import dev.unmanaged.api.inventory.Catalog;
import dev.unmanaged.api.inventory.ComputeOffering;
import dev.unmanaged.api.inventory.DiskOffering;
import dev.unmanaged.api.inventory.Owner;
import dev.unmanaged.api.inventory.StoragePool;
import dev.unmanaged.tck.LiveServices;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The real libvirt daemon with QEMU at {@code qemu:///system} that {@code scripts/libvirt-live.sh start}
 * runs, and the {@code virsh}/{@code qemu-img} commands the live tests use to create domains independently of
 * the provider. Live tests follow {@link LiveServices}: they run unless {@code -Dlive.skip=true} (ignored when
 * {@code CI=true}) and fail when the daemon does not answer.
 */
final class LiveDaemon {
    static final String URI = "qemu:///system";
    /** Readable by the QEMU user, which a JUnit temporary directory (mode 700) is not. */
    private static final Path IMAGES = Path.of("/var/lib/libvirt/images");

    private final List<String> domains = new ArrayList<>();
    private final List<Path> images = new ArrayList<>();

    private LiveDaemon() {
    }

    /** The daemon; the test is skipped ({@code -Dlive.skip=true}) or failed (the daemon does not answer). */
    static LiveDaemon require() {
        LiveServices.skipIfAsked();
        String problem = probe();
        if (problem != null) {
            throw LiveServices.unavailable("the libvirt daemon at " + URI, problem, "bash scripts/libvirt-live.sh start");
        }
        return new LiveDaemon();
    }

    private static String probe() {
        try {
            Result version = run("virsh", "-c", URI, "version");
            return version.exit == 0 ? null : version.output.strip();
        } catch (IOException e) {
            return "virsh is not installed: " + e.getMessage();
        }
    }

    /** {@code kvm} where /dev/kvm can be used, else {@code qemu} (software emulation); tests pass on both. */
    static String domainType() {
        Path kvm = Path.of("/dev/kvm");
        return Files.isReadable(kvm) && Files.isWritable(kvm) ? "kvm" : "qemu";
    }

    /** An orchestrator's catalog that fits the live VMs: any small size, and a pool over the images directory. */
    static Catalog catalog() {
        long mib = 1024L * 1024;
        return new Catalog(List.of(new Owner("ops", "Operations")),
                List.of(ComputeOffering.custom("any-size", "Any size", 1, 4, 32 * mib, 4096 * mib)),
                List.of(),
                List.of(new StoragePool("live-images", "Live images", IMAGES.toString(), null, Set.of())),
                List.of(new DiskOffering("disk-any", "Any size", 0, true, Set.of())),
                List.of());
    }

    /** A fresh name for a test domain. */
    String newName(String role) {
        String name = "unmanaged-live-" + role + "-" + UUID.randomUUID().toString().substring(0, 8);
        domains.add(name);
        return name;
    }

    /** The definition of a 64 MiB domain with a new 64 MiB qcow2 disk and a VNC console with a password. */
    String definition(String name, UUID uuid, String vncPassword) throws IOException {
        Files.createDirectories(IMAGES);
        Files.setPosixFilePermissions(IMAGES, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path image = imageOf(name);
        images.add(image);
        check(run("qemu-img", "create", "-q", "-f", "qcow2", image.toString(), "64M"), "qemu-img create");
        return """
                <domain type='%s'>
                  <name>%s</name>
                  <uuid>%s</uuid>
                  <memory unit='MiB'>64</memory>
                  <vcpu>1</vcpu>
                  <os><type arch='x86_64'>hvm</type><boot dev='hd'/></os>
                  <devices>
                    <disk type='file' device='disk'>
                      <driver name='qemu' type='qcow2'/>
                      <source file='%s'/>
                      <target dev='vda' bus='virtio'/>
                    </disk>
                    <graphics type='vnc' autoport='yes' listen='127.0.0.1' passwd='%s'/>
                  </devices>
                </domain>
                """.formatted(domainType(), name, uuid, image, vncPassword);
    }

    /** The disk image {@link #definition} made for {@code name}. */
    Path imageOf(String name) {
        return IMAGES.resolve(name + ".qcow2");
    }

    /** Runs {@code virsh -c qemu:///system ARGS} with {@code xml} in a file as the last argument. */
    void virshWithFile(String xml, String... args) throws IOException {
        Path file = Files.createTempFile("unmanaged-live-", ".xml");
        try {
            Files.writeString(file, xml);
            List<String> command = new ArrayList<>(List.of("virsh", "-c", URI));
            command.addAll(List.of(args));
            command.add(file.toString());
            check(run(command.toArray(String[]::new)), String.join(" ", args));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Runs {@code virsh -c qemu:///system ARGS} and returns its output; fails the test when virsh does. */
    String virsh(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("virsh", "-c", URI));
        command.addAll(List.of(args));
        return check(run(command.toArray(String[]::new)), String.join(" ", args));
    }

    /**
     * Destroys and undefines every domain this instance named (with their snapshots' metadata and UEFI variable
     * stores) and deletes their images.
     */
    void cleanUp() throws IOException {
        for (String name : domains) {
            run("virsh", "-c", URI, "destroy", name);
            run("virsh", "-c", URI, "undefine", "--snapshots-metadata", "--checkpoints-metadata", "--nvram", name);
        }
        for (Path image : images) {
            Files.deleteIfExists(image);
        }
        domains.clear();
        images.clear();
    }

    /** Runs a command (qemu-img, say) and returns its output; fails the test when it fails. */
    static String exec(String... command) throws IOException {
        return check(run(command), String.join(" ", command));
    }

    private static String check(Result result, String what) {
        if (result.exit != 0) {
            fail(what + " failed with exit code " + result.exit + ": " + result.output);
        }
        return result.output;
    }

    private record Result(int exit, String output) {
    }

    private static Result run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        try {
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, String.join(" ", command) + " did not finish within 120 s");
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while running " + command[0], e);
        }
    }
}
