package dev.unmanaged.vsphere;

import dev.unmanaged.api.error.InstanceNotFoundException;
import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.spi.HypervisorInstanceProvider;
import dev.unmanaged.api.spi.ListingDetail;
import dev.unmanaged.api.spi.ProviderCapability;
import dev.unmanaged.api.spi.UnmanagePreparation;
import dev.unmanaged.api.text.SafeText;
import dev.unmanaged.vsphere.soap.HardenedSoapReader;
import dev.unmanaged.vsphere.soap.SoapLimits;
import dev.unmanaged.vsphere.soap.TrustPolicy;
import dev.unmanaged.vsphere.vim.ManagedObjectReference;
import dev.unmanaged.vsphere.vim.ObjectContent;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vSphere provider: lists and describes the virtual machines of a vCenter or ESXi endpoint over the vim25 SOAP
 * API, for hypervisor kind {@value #HYPERVISOR}. A host's address is a {@link VsphereEndpoint} URI. One session per
 * endpoint is shared by every thread; properties are read for many VMs per round trip. Nothing is ever written to
 * the endpoint: vSphere VMs are always persistent, so preparing one for unmanage only checks that it still exists
 * and is not a template. Guest addresses come from what VMware Tools report in {@code guest.net}, read only when
 * asked (and always by {@link #describeInstance}).
 *
 * <p>Built by {@link java.util.ServiceLoader} it has no credentials and every login is refused; an embedder
 * builds it with {@link #VsphereInstanceProvider(VsphereProviderOptions)} and its own {@link VsphereCredentials}.
 */
public final class VsphereInstanceProvider implements HypervisorInstanceProvider {
    /** The hypervisor kind served. */
    public static final String HYPERVISOR = "vsphere";
    private static final Logger LOG = LoggerFactory.getLogger(VsphereInstanceProvider.class);

    private final VsphereProviderOptions options;
    private final HardenedSoapReader reader = new HardenedSoapReader(SoapLimits.DEFAULT);
    private final PropertyRetrieval retrieval;
    private final VirtualMachineMapper mapper = new VirtualMachineMapper(HYPERVISOR);
    private final Map<String, VsphereSession> sessions = new ConcurrentHashMap<>();

    /** A provider without credentials (for {@link java.util.ServiceLoader}): every login is refused. */
    public VsphereInstanceProvider() {
        this(VsphereProviderOptions.of(VsphereCredentials.none()));
    }

    /** A provider with {@code options}. */
    public VsphereInstanceProvider(VsphereProviderOptions options) {
        this.options = options;
        this.retrieval = new PropertyRetrieval(options.maxObjects());
    }

    @Override
    public String hypervisor() {
        return HYPERVISOR;
    }

    @Override
    public Set<ProviderCapability> capabilities() {
        return EnumSet.of(ProviderCapability.SUSPEND, ProviderCapability.DISK_SIZES,
                ProviderCapability.GUEST_ADDRESSES);
    }

    @Override
    public List<InstanceDescriptor> listInstances(Host host) {
        return listInstances(host, Set.of());
    }

    /** With {@link ListingDetail#GUEST_ADDRESSES}, {@code guest.net} is read in the same round trips. */
    @Override
    public List<InstanceDescriptor> listInstances(Host host, Set<ListingDetail> details) {
        VsphereSession session = session(host);
        VsphereEndpoint endpoint = VsphereEndpoint.parse(host.address());
        boolean addresses = details.contains(ListingDetail.GUEST_ADDRESSES);
        return session.run(s -> {
            Inventory inventory = new Inventory(retrieval.retrieve(s, s.content().rootFolder, Inventory.VIEW_TYPES,
                    Inventory.PATHS));
            List<ObjectContent> vms = retrieval.retrieve(s, inventory.scope(endpoint, s.content().rootFolder),
                    VirtualMachineMapper.VIEW_TYPES, addresses ? GuestNetwork.withGuestNet(VirtualMachineMapper.PATHS)
                            : VirtualMachineMapper.PATHS);
            return descriptors(vms, inventory, host.id(), addresses);
        });
    }

    /**
     * Reads only the name, instance UUID and template flag of the endpoint's VMs to find the one meant, then every
     * property of that VM alone: describing one VM of a large vCenter (every import plans with it) does not cost a
     * listing.
     */
    @Override
    public InstanceDescriptor describeInstance(Host host, String nameOrUuid) {
        if (nameOrUuid == null || nameOrUuid.isBlank()) {
            throw new InvalidRequestException("instance", String.valueOf(nameOrUuid), "a VM name or instance UUID");
        }
        VsphereSession session = session(host);
        VsphereEndpoint endpoint = VsphereEndpoint.parse(host.address());
        return session.run(s -> {
            Inventory inventory = new Inventory(retrieval.retrieve(s, s.content().rootFolder, Inventory.VIEW_TYPES,
                    Inventory.PATHS));
            List<ObjectContent> identities = retrieval.retrieve(s, inventory.scope(endpoint, s.content().rootFolder),
                    VirtualMachineMapper.VIEW_TYPES, VirtualMachineMapper.IDENTITY_PATHS);
            List<ManagedObjectReference> candidates = identities.stream()
                    .filter(vm -> VirtualMachineMapper.isIdentifiedBy(vm, nameOrUuid)).map(vm -> vm.obj).toList();
            return descriptors(retrieval.retrieve(s, candidates, GuestNetwork.withGuestNet(VirtualMachineMapper.PATHS)),
                    inventory, host.id(), true).stream().filter(d -> d.isIdentifiedBy(nameOrUuid)).findFirst();
        }).orElseThrow(() -> new InstanceNotFoundException(SafeText.of(nameOrUuid), SafeText.host(host.id())));
    }

    @Override
    public UnmanagePreparation prepareForUnmanage(Host host, UUID uuid) {
        // Templates are never listed, so a template is "not found" as an instance, which is what it is.
        InstanceDescriptor vm = describeInstance(host, uuid.toString());
        return new UnmanagePreparation(uuid, false, vm.powerState());
    }

    /** How many SOAP requests were sent to the endpoint of {@code host} so far; 0 before the first. */
    public long roundTrips(Host host) {
        VsphereSession session = sessions.get(host.address());
        return session == null ? 0 : session.roundTrips();
    }

    @Override
    public void close() {
        List<VsphereSession> open = new ArrayList<>(sessions.values());
        sessions.clear();
        open.forEach(VsphereSession::close);
    }

    private List<InstanceDescriptor> descriptors(List<ObjectContent> vms, Inventory inventory, String hostId,
                                                 boolean addresses) {
        List<InstanceDescriptor> listing = new ArrayList<>(vms.size());
        Set<UUID> seen = new HashSet<>();
        for (ObjectContent vm : vms) {
            Optional<InstanceDescriptor> mapped = mapper.map(vm, inventory, hostId);
            if (mapped.isEmpty()) {
                continue;
            }
            InstanceDescriptor descriptor = addresses ? GuestNetwork.attach(mapped.get(), vm) : mapped.get();
            if (descriptor.uuid() != null && !seen.add(descriptor.uuid())) {
                LOG.warn("two VMs at {} have the instance UUID {}; only the first is listed", SafeText.host(hostId),
                        descriptor.uuid());
                continue;
            }
            listing.add(descriptor);
        }
        return listing;
    }

    private VsphereSession session(Host host) {
        if (!HYPERVISOR.equals(host.hypervisor())) {
            throw new InvalidRequestException("host " + SafeText.host(host.id()) + " hypervisor",
                    SafeText.of(host.hypervisor()), HYPERVISOR);
        }
        VsphereEndpoint endpoint = VsphereEndpoint.parse(host.address());
        return sessions.computeIfAbsent(host.address(), address -> {
            TrustPolicy trust;
            if (endpoint.thumbprint() != null) {
                trust = TrustPolicy.pinned(endpoint.thumbprint());
            } else if (endpoint.insecure()) {
                LOG.warn("the certificate of {} is not checked (insecure=true): anyone between here and there can"
                        + " read the session; pin it with ?thumbprint= instead", endpoint.server());
                trust = TrustPolicy.insecure();
            } else {
                trust = TrustPolicy.jdkTrustStore();
            }
            return new VsphereSession(host.id(), endpoint, new SoapEndpoint(host.id(), endpoint, trust, reader,
                    options.callTimeout()), options.credentials());
        });
    }
}
