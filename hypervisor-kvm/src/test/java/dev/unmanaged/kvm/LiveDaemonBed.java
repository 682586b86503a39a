package dev.unmanaged.kvm;

import dev.unmanaged.api.instance.Host;
import dev.unmanaged.tck.InstanceSpec;
import dev.unmanaged.tck.TestBed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;

/**
 * A conformance-kit bed on the live libvirt daemon at {@code qemu:///system}: real QEMU domains with qcow2 disks
 * made by {@code qemu-img} and user-mode NICs (no host network needed), driven through a libvirt connection of
 * the bed's own. The domains have no guest OS, so a guest's clean power-off is stood in for by destroy.
 */
final class LiveDaemonBed implements TestBed {
    private static final Path IMAGES = Path.of("/var/lib/libvirt/images");

    private final Connect connect;
    private final Map<UUID, List<Path>> images = new ConcurrentHashMap<>();

    LiveDaemonBed() {
        try {
            connect = new Connect(LiveDaemon.URI);
        } catch (LibvirtException e) {
            throw new IllegalStateException("cannot open " + LiveDaemon.URI, e);
        }
    }

    @Override
    public Host host() {
        return new Host("live-qemu", "kvm", LiveDaemon.URI);
    }

    @Override
    public UUID create(InstanceSpec spec) {
        UUID uuid = UUID.randomUUID();
        List<Path> files = new ArrayList<>();
        images.put(uuid, files);
        try {
            Files.createDirectories(IMAGES);
            for (InstanceSpec.DiskSpec disk : spec.disks()) {
                Path image = IMAGES.resolve(spec.name() + "-" + disk.deviceName() + ".qcow2");
                files.add(image);
                qemuImgCreate(image, disk.capacityBytes());
            }
            String xml = SpecDomainXml.of(spec, uuid, LiveDaemon.domainType(),
                    files.stream().map(Path::toString).toList(), "<interface type='user'>",
                    graphicsType(spec.graphicsPassword()));
            SpecDomains.start(connect, xml, spec);
            return uuid;
        } catch (LibvirtException | IOException e) {
            deleteImages(uuid);
            throw new IllegalStateException("the daemon refused " + spec + ": " + e.getMessage(), e);
        }
    }

    /** QEMU refuses VNC passwords longer than 8 characters; a SPICE console takes any, so longer ones go there. */
    private static String graphicsType(String password) {
        return password == null || password.length() <= 8 ? "vnc" : "spice";
    }

    @Override
    public void shutDown(UUID uuid) {
        try {
            connect.domainLookupByUUIDString(uuid.toString()).destroy();
        } catch (LibvirtException e) {
            throw new IllegalStateException("cannot stop " + uuid + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void remove(UUID uuid) {
        try {
            SpecDomains.remove(connect, uuid);
        } catch (LibvirtException e) {
            throw new IllegalStateException("cannot remove " + uuid + ": " + e.getMessage(), e);
        }
        deleteImages(uuid);
    }

    private void deleteImages(UUID uuid) {
        for (Path image : images.getOrDefault(uuid, List.of())) {
            try {
                Files.deleteIfExists(image);
            } catch (IOException e) {
                throw new IllegalStateException("cannot delete " + image, e);
            }
        }
        images.remove(uuid);
    }

    @Override
    public Optional<Optional<String>> graphicsPasswordOf(UUID uuid) {
        try {
            return Optional.of(SpecDomains.graphicsPassword(connect, uuid));
        } catch (LibvirtException e) {
            throw new IllegalStateException("cannot read the secure definition of " + uuid + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Host> unreachableHost() {
        return Optional.of(new Host("closed-port", "kvm", "qemu+tcp://127.0.0.1:1/system"));
    }

    @Override
    public void close() {
        try {
            connect.close();
        } catch (LibvirtException ignored) {
            // Closing only drops the bed's connection; nothing to report.
        }
    }

    private static void qemuImgCreate(Path image, long bytes) throws IOException {
        Process process = new ProcessBuilder("qemu-img", "create", "-q", "-f", "qcow2", image.toString(),
                Long.toString(bytes)).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("qemu-img create " + image + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
