package dev.unmanaged.kvm;

import dev.unmanaged.api.instance.DescriptorWarning;
import dev.unmanaged.api.instance.GuestAddress;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.NicDescriptor;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.api.instance.WarningCodes;
import dev.unmanaged.api.net.Ipv6Addresses;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.Domain.InterfaceAddressesSource;
import org.libvirt.DomainInterface;
import org.libvirt.LibvirtException;

/**
 * Reads the addresses a running guest uses on its NICs with libvirt's {@code virDomainInterfaceAddresses}, from
 * three sources in this order: the DHCP lease of a libvirt network, then the QEMU guest agent, then the host's ARP
 * table. A NIC takes the addresses of the first source that knows any for its MAC; a later source is asked only
 * while some NIC still has none. A source that fails or is not supported (no guest agent, say) becomes a
 * {@link WarningCodes#GUEST_ADDRESSES_UNAVAILABLE} warning, never an error; a lost connection still ends the call.
 */
final class GuestAddresses {
    /** The sources in the order they are asked, the most authoritative first. */
    private static final List<Source> SOURCES = List.of(
            new Source(GuestAddress.Source.LEASE, "DHCP lease",
                    InterfaceAddressesSource.VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE),
            new Source(GuestAddress.Source.AGENT, "guest agent",
                    InterfaceAddressesSource.VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_AGENT),
            new Source(GuestAddress.Source.ARP, "host's ARP table",
                    InterfaceAddressesSource.VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_ARP));

    /** Only a guest that runs has addresses; a paused or suspended one keeps those it had. */
    private static final Set<PowerState> WITH_ADDRESSES = Set.of(PowerState.RUNNING, PowerState.PAUSED,
            PowerState.SUSPENDED);

    private GuestAddresses() {
    }

    private record Source(GuestAddress.Source kind, String label, int libvirtSource) {
    }

    /**
     * {@code descriptor} with the guest's addresses on its NICs, and a warning per source that failed. A
     * descriptor of a guest that is not running, or without NICs that have a MAC, is returned as it is.
     *
     * @throws LibvirtException when the connection was lost
     * @throws DomainVanished   when the domain vanished meanwhile
     */
    static InstanceDescriptor read(Connect connect, Domain domain, InstanceDescriptor descriptor)
            throws LibvirtException, DomainVanished {
        if (!WITH_ADDRESSES.contains(descriptor.powerState())
                || descriptor.nics().stream().allMatch(nic -> nic.mac() == null)) {
            return descriptor;
        }
        Map<String, List<GuestAddress>> byMac = new LinkedHashMap<>();
        List<DescriptorWarning> warnings = new ArrayList<>();
        for (Source source : SOURCES) {
            if (everyNicHasAddresses(descriptor, byMac)) {
                break;
            }
            Collection<DomainInterface> interfaces;
            try {
                interfaces = domain.interfaceAddresses(source.libvirtSource(), 0);
            } catch (LibvirtException e) {
                warnings.add(unavailable(source, LibvirtErrors.libvirtMessage(
                        DomainDescriber.rethrowIfFatal(e, connect))));
                continue;
            } catch (RuntimeException e) {
                // libvirt-java throws IllegalStateException when libvirt fails without saying why.
                warnings.add(unavailable(source, "libvirt gave no reason"));
                continue;
            }
            collect(source, interfaces, byMac);
        }
        List<NicDescriptor> nics = descriptor.nics().stream()
                .map(nic -> nic.mac() == null ? nic : nic.withGuestAddresses(byMac.getOrDefault(nic.mac(), List.of())))
                .toList();
        return descriptor.toBuilder().nics(nics).build().withWarnings(warnings);
    }

    private static boolean everyNicHasAddresses(InstanceDescriptor descriptor, Map<String, List<GuestAddress>> byMac) {
        return descriptor.nics().stream().map(NicDescriptor::mac).allMatch(mac -> mac == null || byMac.containsKey(mac));
    }

    /** Adds the addresses of NICs that no earlier source answered for. */
    private static void collect(Source source, Collection<DomainInterface> interfaces,
                                Map<String, List<GuestAddress>> byMac) {
        Map<String, List<GuestAddress>> found = new LinkedHashMap<>();
        for (DomainInterface iface : interfaces) {
            if (iface.hwAddr == null || iface.addrs == null) {
                continue; // the guest's loopback, say: no NIC of the definition
            }
            String mac = iface.hwAddr.toLowerCase(Locale.ROOT);
            for (DomainInterface.InterfaceAddress address : iface.addrs) {
                // A prefix the address cannot have would be a fault of the source; the address is left out.
                if (address != null && address.address != null && address.prefixLength >= 0
                        && address.prefixLength <= (address.address instanceof Inet4Address ? 32 : 128)) {
                    found.computeIfAbsent(mac, m -> new ArrayList<>()).add(
                            new GuestAddress(text(address.address), address.prefixLength, source.kind()));
                }
            }
        }
        found.forEach(byMac::putIfAbsent);
    }

    /** Dotted-quad for IPv4; for IPv6 the canonical form (RFC 5952), as {@code virsh domifaddr} prints it. */
    static String text(InetAddress address) {
        return address instanceof Inet6Address ? Ipv6Addresses.canonical(address.getAddress())
                : address.getHostAddress();
    }

    private static DescriptorWarning unavailable(Source source, String why) {
        return DescriptorWarning.info(WarningCodes.GUEST_ADDRESSES_UNAVAILABLE,
                "guest addresses from the " + source.label() + " could not be read: " + why);
    }
}
