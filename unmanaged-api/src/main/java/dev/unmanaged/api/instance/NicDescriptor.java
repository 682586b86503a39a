package dev.unmanaged.api.instance;

import dev.unmanaged.api.internal.Copies;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A network interface of an instance.
 *
 * @param type           bridge, network, direct, ethernet, user, vhostuser, hostdev, …
 * @param mac            MAC address in lower case; null when the definition has none
 * @param model          device model, e.g. virtio, e1000e; null when not set
 * @param source         the bridge (bridge), the network (network) or the host device (direct); null otherwise
 * @param vlanTags       VLAN tags in document order; never null
 * @param switchPortType the kind of virtual switch port the NIC is attached to: for KVM the domain XML's
 *                       {@code <virtualport type>}, e.g. {@code openvswitch}; null when none
 * @param hostDeviceName the NIC's device on the host side, e.g. {@code vnet0} on KVM (the domain XML's
 *                       {@code <target dev>}); null when not set
 * @param bootOrder      per-device boot order, null when not set
 * @param guestAddresses the addresses the running guest uses on this NIC, IPv4 and IPv6, as the hypervisor reports
 *                       them (see {@link GuestAddress.Source}); empty when the instance is not running, when the
 *                       hypervisor knows none, or when they were not asked for (a listing reads them only when
 *                       asked; describing an instance always does); never null
 */
public record NicDescriptor(String type, @Nullable String mac, @Nullable String model, @Nullable String source,
                            List<Integer> vlanTags, @Nullable String switchPortType, @Nullable String hostDeviceName,
                            @Nullable Integer bootOrder, List<GuestAddress> guestAddresses) {
    public NicDescriptor {
        vlanTags = Copies.list(vlanTags);
        mac = mac == null ? null : mac.toLowerCase(java.util.Locale.ROOT);
        guestAddresses = Copies.list(guestAddresses);
    }

    /** A NIC as its definition describes it, without guest addresses. */
    public NicDescriptor(String type, @Nullable String mac, @Nullable String model, @Nullable String source,
                         List<Integer> vlanTags, @Nullable String switchPortType, @Nullable String hostDeviceName,
                         @Nullable Integer bootOrder) {
        this(type, mac, model, source, vlanTags, switchPortType, hostDeviceName, bootOrder, List.of());
    }

    /** This NIC with {@code addresses} as its guest addresses. */
    public NicDescriptor withGuestAddresses(List<GuestAddress> addresses) {
        return new NicDescriptor(type, mac, model, source, vlanTags, switchPortType, hostDeviceName, bootOrder,
                addresses);
    }

    /** The distinct IPv4 addresses the guest uses on this NIC, in the order reported. */
    public List<String> guestIpv4Addresses() {
        return guestAddresses.stream().filter(GuestAddress::isIpv4).map(GuestAddress::address).distinct().toList();
    }
}
