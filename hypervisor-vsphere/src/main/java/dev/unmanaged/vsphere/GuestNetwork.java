package dev.unmanaged.vsphere;

import dev.unmanaged.api.instance.DescriptorWarning;
import dev.unmanaged.api.instance.GuestAddress;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.NicDescriptor;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.api.instance.WarningCodes;
import dev.unmanaged.api.net.Ipv4Addresses;
import dev.unmanaged.api.net.Ipv6Addresses;
import dev.unmanaged.api.text.SafeText;
import dev.unmanaged.vsphere.soap.SoapRequest.PropertyPaths;
import dev.unmanaged.vsphere.vim.GuestNicInfo;
import dev.unmanaged.vsphere.vim.ObjectContent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The addresses a powered-on guest uses on its NICs, from the virtual machine's {@code guest.net} property, which
 * VMware Tools inside the guest fill: each NIC Tools report is matched to the NIC of the definition with the same
 * MAC, and its addresses become {@link GuestAddress.Source#AGENT} guest addresses. Addresses with a prefix come
 * from {@code ipConfig}; older Tools that give only bare {@code ipAddress} strings get a host prefix (32 or 128),
 * since the network's prefix is not known. NICs Tools report without a NIC of the definition (a guest's own
 * bridge, say) are dropped; a NIC Tools say nothing about has no addresses.
 */
final class GuestNetwork {
    private static final Logger LOG = LoggerFactory.getLogger(GuestNetwork.class);

    /** The property read, only when guest addresses are wanted (it costs Tools' data for every VM listed). */
    static final String PATH = "guest.net";


    private GuestNetwork() {
    }

    /** {@code paths} with {@value #PATH} added to those of {@code VirtualMachine}. */
    static List<PropertyPaths> withGuestNet(List<PropertyPaths> paths) {
        return paths.stream().map(p -> {
            if (!"VirtualMachine".equals(p.type())) {
                return p;
            }
            List<String> extended = new ArrayList<>(p.paths());
            extended.add(PATH);
            return new PropertyPaths(p.type(), extended);
        }).toList();
    }

    /**
     * {@code descriptor} with the guest addresses {@code vm}'s {@value #PATH} gives its NICs. A VM that is not
     * powered on is returned as it is (what Tools last reported is stale); a powered-on one whose Tools report no
     * NIC at all gets an informational {@link WarningCodes#GUEST_ADDRESSES_UNAVAILABLE} warning.
     */
    static InstanceDescriptor attach(InstanceDescriptor descriptor, ObjectContent vm) {
        if (descriptor.powerState() != PowerState.RUNNING
                || descriptor.nics().stream().allMatch(nic -> nic.mac() == null)) {
            return descriptor;
        }
        GuestNicInfo.Array reported = null;
        for (ObjectContent.DynamicProperty property : vm.properties) {
            if (PATH.equals(property.name) && property.value instanceof GuestNicInfo.Array array) {
                reported = array;
            }
        }
        if (reported == null || reported.nics.isEmpty()) {
            return descriptor.withWarnings(List.of(DescriptorWarning.info(WarningCodes.GUEST_ADDRESSES_UNAVAILABLE,
                    "VMware Tools report no NIC of " + SafeText.quoted(descriptor.name())
                            + ": Tools are not installed or not running in the guest")));
        }
        Map<String, List<GuestAddress>> byMac = byMac(reported, descriptor.name());
        List<NicDescriptor> nics = descriptor.nics().stream()
                .map(nic -> nic.mac() == null ? nic : nic.withGuestAddresses(byMac.getOrDefault(nic.mac(), List.of())))
                .toList();
        return descriptor.toBuilder().nics(nics).build();
    }

    private static Map<String, List<GuestAddress>> byMac(GuestNicInfo.Array reported, String name) {
        Map<String, List<GuestAddress>> byMac = new LinkedHashMap<>();
        for (GuestNicInfo nic : reported.nics) {
            if (nic == null || nic.macAddress == null || nic.macAddress.isBlank()) {
                continue;
            }
            List<GuestAddress> addresses = byMac.computeIfAbsent(nic.macAddress.strip().toLowerCase(Locale.ROOT),
                    mac -> new ArrayList<>());
            if (nic.ipConfig != null && !nic.ipConfig.addresses.isEmpty()) {
                for (GuestNicInfo.IpAddress address : nic.ipConfig.addresses) {
                    add(addresses, address == null ? null : address.ipAddress,
                            address == null ? null : address.prefixLength, name);
                }
            } else {
                for (String address : nic.ipAddresses) {
                    add(addresses, address, null, name);
                }
            }
        }
        return byMac;
    }

    /** Adds {@code text} when it is an IP address with a prefix it can have; anything else is left out. */
    private static void add(List<GuestAddress> addresses, @Nullable String text, @Nullable Integer prefix,
                            String name) {
        String stripped = text == null ? "" : text.strip();
        boolean ipv4 = Ipv4Addresses.isValid(stripped);
        // The same address as KVM hosts report it: tools may write IPv6 in full or in upper case.
        String address = ipv4 ? stripped : Ipv6Addresses.canonical(stripped);
        int largest = ipv4 ? 32 : 128;
        int length = prefix == null ? largest : prefix;
        if (address == null || length < 0 || length > largest) {
            LOG.debug("VMware Tools report {}/{} on a NIC of {}, not an address with a prefix it can have; it is left out", SafeText.of(text),
                    prefix, SafeText.quoted(name));
            return;
        }
        GuestAddress guest = new GuestAddress(address, length, GuestAddress.Source.AGENT);
        if (!addresses.contains(guest)) {
            addresses.add(guest);
        }
    }
}
