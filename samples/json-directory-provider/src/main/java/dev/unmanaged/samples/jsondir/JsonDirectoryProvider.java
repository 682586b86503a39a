package dev.unmanaged.samples.jsondir;

import dev.unmanaged.api.error.HostUnavailableException;
import dev.unmanaged.api.error.InstanceNotFoundException;
import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.error.ProviderFailureException;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.spi.HypervisorInstanceProvider;
import dev.unmanaged.api.spi.ProviderCapability;
import dev.unmanaged.api.spi.UnmanagePreparation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A provider for the made-up {@value #HYPERVISOR} hypervisor: a host's {@link Host#address() address} is a
 * directory, and each instance is a JSON file in it (see {@link InstanceFile} for the format). The hypervisor
 * itself (or a test bed) writes the files; this provider only reads them, except that preparing a transient
 * instance for unmanage marks its file persistent.
 *
 * <p>Registered with {@link java.util.ServiceLoader} in {@code META-INF/services} and with {@code provides} in
 * {@code module-info.java}. Thread-safe: it holds no state but a lock per instance file.
 */
public final class JsonDirectoryProvider implements HypervisorInstanceProvider {
    /** The hypervisor kind this provider serves. */
    public static final String HYPERVISOR = "jsondir";

    private static final Set<ProviderCapability> CAPABILITIES = Set.of(ProviderCapability.TRANSIENT_INSTANCES,
            ProviderCapability.PAUSE, ProviderCapability.SUSPEND, ProviderCapability.DISK_SIZES,
            ProviderCapability.GRAPHICS);

    private final Map<Path, Object> fileLocks = new ConcurrentHashMap<>();

    /** The constructor {@link java.util.ServiceLoader} calls. */
    public JsonDirectoryProvider() {
    }

    @Override
    public String hypervisor() {
        return HYPERVISOR;
    }

    @Override
    public Set<ProviderCapability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public List<InstanceDescriptor> listInstances(Host host) {
        return readAll(host).stream().map(Found::descriptor).toList();
    }

    @Override
    public InstanceDescriptor describeInstance(Host host, String nameOrUuid) {
        if (nameOrUuid == null || nameOrUuid.isBlank()) {
            throw new InvalidRequestException("nameOrUuid", String.valueOf(nameOrUuid),
                    "the UUID or the name of an instance");
        }
        return find(host, d -> d.isIdentifiedBy(nameOrUuid), nameOrUuid).descriptor();
    }

    @Override
    public UnmanagePreparation prepareForUnmanage(Host host, UUID uuid) {
        Objects.requireNonNull(uuid, "uuid");
        Found found = find(host, d -> uuid.equals(d.uuid()), uuid.toString());
        synchronized (fileLocks.computeIfAbsent(found.file(), f -> new Object())) {
            try {
                boolean changed = InstanceFile.makePersistent(found.file());
                verifyPersistent(host, uuid);
                return new UnmanagePreparation(uuid, changed, found.descriptor().powerState());
            } catch (NoSuchFileException e) {
                // A transient instance that stopped before it could be made persistent is gone for good.
                throw new InstanceNotFoundException(uuid.toString(), "host " + host.id());
            } catch (IOException e) {
                throw new ProviderFailureException("could not mark instance " + uuid + " persistent in "
                        + found.file() + " on host " + host.id() + ": " + e.getMessage(), e);
            }
        }
    }

    /** The promise of the SPI: preparation is checked by reading the instance back, not assumed. */
    private void verifyPersistent(Host host, UUID uuid) {
        InstanceDescriptor after = find(host, d -> uuid.equals(d.uuid()), uuid.toString()).descriptor();
        if (!Boolean.TRUE.equals(after.persistent())) {
            throw new ProviderFailureException("instance " + uuid + " on host " + host.id()
                    + " still reads as transient after it was marked persistent", null);
        }
    }

    private record Found(Path file, InstanceDescriptor descriptor) {
    }

    private Found find(Host host, java.util.function.Predicate<InstanceDescriptor> wanted, String shownAs) {
        return readAll(host).stream().filter(f -> wanted.test(f.descriptor())).findFirst()
                .orElseThrow(() -> new InstanceNotFoundException(shownAs, "host " + host.id()));
    }

    private List<Found> readAll(Host host) {
        Path directory = directoryOf(host);
        List<Path> files;
        try (Stream<Path> entries = Files.list(directory)) {
            files = entries.filter(InstanceFile::isInstanceFile).sorted().toList();
        } catch (IOException e) {
            throw new HostUnavailableException(host.id(), "cannot list " + directory + ": " + e.getMessage(), e);
        }
        List<Found> found = new ArrayList<>();
        for (Path file : files) {
            read(file, host).ifPresent(d -> found.add(new Found(file, d)));
        }
        return found;
    }

    private static Optional<InstanceDescriptor> read(Path file, Host host) {
        try {
            return Optional.of(InstanceFile.read(file, host.id()));
        } catch (NoSuchFileException e) {
            // Listed a moment ago, gone now: the instance stopped or was removed meanwhile. Not an error.
            return Optional.empty();
        } catch (IOException e) {
            throw new HostUnavailableException(host.id(), "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Path directoryOf(Host host) {
        Objects.requireNonNull(host, "host");
        if (!HYPERVISOR.equals(host.hypervisor())) {
            throw new InvalidRequestException("host.hypervisor", host.hypervisor(), "'" + HYPERVISOR + "'");
        }
        Path directory;
        try {
            directory = Path.of(host.address());
        } catch (InvalidPathException e) {
            throw new InvalidRequestException("host.address", host.address(), "the path of a directory");
        }
        if (!Files.isDirectory(directory)) {
            throw new HostUnavailableException(host.id(), "no directory at " + directory, null);
        }
        return directory;
    }
}
