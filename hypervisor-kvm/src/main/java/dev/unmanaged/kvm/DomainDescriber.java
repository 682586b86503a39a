package dev.unmanaged.kvm;

import dev.unmanaged.api.instance.CpuDescriptor;
import dev.unmanaged.api.instance.DescriptorWarning;
import dev.unmanaged.api.instance.DiskDescriptor;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.MemoryDescriptor;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.api.instance.WarningCodes;
import dev.unmanaged.api.text.SecretRedaction;
import dev.unmanaged.kvm.BulkDomainFacts.DomainFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainInfo;
import org.libvirt.DomainInfo.DomainState;
import org.libvirt.LibvirtException;

/**
 * Reads one libvirt domain into a descriptor: its definition (never the secure one), power state, persistence
 * and disk sizes. Anything that cannot be read becomes a warning on the instance, so that an instance is never
 * missing from a listing because one detail failed. When the definition cannot be read or parsed, the
 * instance is described from what libvirt's API reports and carries a blocking
 * {@link WarningCodes#DEFINITION_UNREADABLE} warning.
 */
final class DomainDescriber {
    /** Listing flags for {@code getXMLDesc}: 0, i.e. never {@code VIR_DOMAIN_XML_SECURE}. */
    private static final int PLAIN_DEFINITION = 0;

    private final DefinitionParser parser;

    DomainDescriber(DefinitionParser parser) {
        this.parser = parser;
    }

    /**
     * The descriptor of {@code domain} with its storage details ({@link StorageDetails}), or empty when the domain
     * vanished while it was read. Every detail is read with calls of its own.
     *
     * @throws LibvirtException only when the connection was lost
     */
    Optional<InstanceDescriptor> read(Connect connect, Domain domain, String hostId) throws LibvirtException {
        return read(connect, domain, hostId, BulkDomainFacts.NONE, true);
    }

    /**
     * The descriptor of {@code domain}, taking state, persistence, disk sizes and backing chains from {@code bulk}
     * where it has them and reading only the rest with calls of its own, the storage details
     * ({@link StorageDetails}) only when {@code storage} is true; empty when the domain vanished while it was
     * read.
     *
     * @throws LibvirtException only when the connection was lost
     */
    Optional<InstanceDescriptor> read(Connect connect, Domain domain, String hostId, BulkDomainFacts bulk,
                                      boolean storage) throws LibvirtException {
        try {
            return Optional.of(describe(connect, domain, hostId, bulk, storage));
        } catch (DomainVanished vanished) {
            return Optional.empty();
        }
    }

    /** The descriptor a definition gives, read with the parser this describer uses. */
    InstanceDescriptor parse(String definition) {
        return parser.parse(definition);
    }

    private InstanceDescriptor describe(Connect connect, Domain domain, String hostId, BulkDomainFacts bulk,
                                        boolean storage) throws LibvirtException, DomainVanished {
        List<DescriptorWarning> warnings = new ArrayList<>();
        // Name and UUID are held by the handle: no round trip.
        String name = domain.getName();
        UUID uuid = uuid(connect, domain, warnings);
        DomainFacts known = bulk.about(uuid);

        DomainInfo info = null;
        DomainState knownState = known.state();
        if (knownState == null) {
            try {
                info = domain.getInfo();
                knownState = info.state;
            } catch (LibvirtException e) {
                warnings.add(unavailable("power state, vCPUs and memory", rethrowIfFatal(e, connect)));
            }
        }
        PowerState state = PowerStates.of(knownState);

        Boolean persistent = known.persistent();
        if (persistent == null) {
            try {
                persistent = domain.isPersistent() == 1;
            } catch (LibvirtException e) {
                warnings.add(unavailable("persistence", rethrowIfFatal(e, connect)));
            }
        }

        InstanceDescriptor descriptor;
        try {
            descriptor = parse(connect, domain.getXMLDesc(PLAIN_DEFINITION), name, uuid, info, domain);
        } catch (LibvirtException e) {
            descriptor = fromApi(connect, name, uuid, info, domain, "libvirt did not return the definition: "
                    + LibvirtErrors.libvirtMessage(rethrowIfFatal(e, connect)));
        }

        descriptor = withLibvirtName(descriptor, name);
        boolean active = isActive(connect, domain, knownState);
        List<DiskDescriptor> disks = DiskSizes.measure(connect, domain, active, descriptor.disks(), known.blocks(),
                warnings);
        descriptor = descriptor.onHost(hostId, state, persistent)
                .withDisks(BackingChains.fromBulkStats(disks, known.blocks()));
        if (storage && !descriptor.hasBlockingWarning()) {
            descriptor = StorageDetails.read(connect, domain, descriptor, active, warnings);
        }
        return descriptor.withWarnings(warnings);
    }

    /**
     * The descriptor under the name libvirt holds. libvirt writes a carriage return in {@code <name>} raw, and
     * XML reads it back as a line feed, so only the API's name finds the domain again by name.
     */
    private static InstanceDescriptor withLibvirtName(InstanceDescriptor d, String name) {
        if (name == null || name.equals(d.name())) {
            return d;
        }
        return d.toBuilder().name(name).build();
    }

    private InstanceDescriptor parse(Connect connect, String xml, String name, UUID uuid, DomainInfo info,
                                     Domain domain) throws LibvirtException, DomainVanished {
        try {
            return parser.parse(xml);
        } catch (RuntimeException e) {
            // The parser's typed errors name the element and value but never quote a secret.
            return fromApi(connect, name, uuid, info, domain, "the definition could not be read: "
                    + SecretRedaction.messageOf(e));
        }
    }

    /** What libvirt's API reports without the definition, marked as not importable. */
    private static InstanceDescriptor fromApi(Connect connect, String name, UUID uuid, DomainInfo info, Domain domain,
                                              String why)
            throws LibvirtException, DomainVanished {
        CpuDescriptor cpu = null;
        MemoryDescriptor memory = null;
        if (info == null) {
            info = infoOrNull(connect, domain);
        }
        if (info != null && info.nrVirtCpu >= 1 && info.maxMem > 0) {
            int max = Math.max(info.nrVirtCpu, maxVcpus(connect, domain));
            cpu = new CpuDescriptor(info.nrVirtCpu, max, null, null, null, null, null, null, null);
            long maxBytes = Math.multiplyExact(info.maxMem, 1024L);
            long currentBytes = info.memory > 0 && info.memory <= info.maxMem
                    ? Math.multiplyExact(info.memory, 1024L) : maxBytes;
            memory = new MemoryDescriptor(maxBytes, currentBytes);
        }
        return InstanceDescriptor.definitionUnreadable(KvmInstanceProvider.HYPERVISOR, name, uuid, cpu, memory,
                why + "; only what libvirt's API reports is shown (name, UUID, state, persistence, vCPUs, memory)");
    }

    /** The maximum vCPUs; libvirt only knows it for running domains on some drivers, so 0 when it cannot say. */
    private static int maxVcpus(Connect connect, Domain domain) throws LibvirtException, DomainVanished {
        try {
            return domain.getMaxVcpus();
        } catch (LibvirtException e) {
            rethrowIfFatal(e, connect);
            return 0;
        }
    }

    private static UUID uuid(Connect connect, Domain domain, List<DescriptorWarning> warnings)
            throws LibvirtException, DomainVanished {
        try {
            return UUID.fromString(domain.getUUIDString());
        } catch (LibvirtException e) {
            warnings.add(unavailable("UUID", rethrowIfFatal(e, connect)));
            return null;
        }
    }

    /** vCPUs and memory when the bulk calls gave the state only; null when libvirt cannot say. */
    private static DomainInfo infoOrNull(Connect connect, Domain domain) throws LibvirtException, DomainVanished {
        try {
            return domain.getInfo();
        } catch (LibvirtException e) {
            rethrowIfFatal(e, connect);
            return null;
        }
    }

    /** Only a shut-off domain is inactive; libvirt is asked only when the state is unknown. */
    private static boolean isActive(Connect connect, Domain domain, DomainState state)
            throws LibvirtException, DomainVanished {
        if (state != null && state != DomainState.VIR_DOMAIN_NOSTATE) {
            return state != DomainState.VIR_DOMAIN_SHUTOFF;
        }
        try {
            return domain.isActive() == 1;
        } catch (LibvirtException e) {
            rethrowIfFatal(e, connect);
            return false;
        }
    }

    private static DescriptorWarning unavailable(String what, LibvirtException e) {
        return DescriptorWarning.info(WarningCodes.DETAIL_UNAVAILABLE,
                what + " could not be read: " + LibvirtErrors.libvirtMessage(e));
    }

    /** Lets connection losses end the call and vanished domains drop out; returns any other error. */
    static LibvirtException rethrowIfFatal(LibvirtException e, Connect connect)
            throws LibvirtException, DomainVanished {
        if (LibvirtErrors.isConnectionLost(e, connect)) {
            throw e;
        }
        if (LibvirtErrors.isNoDomain(e)) {
            throw new DomainVanished();
        }
        return e;
    }
}
