package dev.unmanaged.api.instance;

import dev.unmanaged.api.net.Ipv4Addresses;
import java.util.Objects;

/**
 * An address a running guest uses on one of its NICs, as the hypervisor reports it.
 *
 * @param address the address in its usual text form: dotted-quad for IPv4 ({@code 10.0.0.5}), the hypervisor's
 *                form for IPv6 ({@code fe80::5054:ff:fe12:3456}); never blank
 * @param prefix  the prefix length of the guest's network, 0 to 32 for IPv4 and 0 to 128 for IPv6
 * @param source  where the hypervisor learned it
 */
public record GuestAddress(String address, int prefix, Source source) {
    /** Where a guest address was learned, in the order a provider should trust them. */
    public enum Source {
        /** The DHCP lease the hypervisor's own network handed the guest (for KVM: a libvirt network's lease). */
        LEASE,
        /** An agent inside the guest (for KVM: the QEMU guest agent; for vSphere: VMware Tools). */
        AGENT,
        /** The host's ARP / neighbour table: what the guest was last seen answering as. */
        ARP
    }

    public GuestAddress {
        Objects.requireNonNull(source, "source");
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("found guest address '" + address + "', expected an IP address");
        }
        int largest = isIpv4(address) ? 32 : 128;
        if (prefix < 0 || prefix > largest) {
            throw new IllegalArgumentException("found prefix " + prefix + " for guest address " + address
                    + ", expected 0 to " + largest);
        }
    }

    /** True for an IPv4 address (dotted-quad); false for IPv6. */
    public boolean isIpv4() {
        return isIpv4(address);
    }

    private static boolean isIpv4(String address) {
        return Ipv4Addresses.isValid(address);
    }

    /** {@code address/prefix (source)}, e.g. {@code 10.0.0.5/24 (lease)}. */
    @Override
    public String toString() {
        return address + "/" + prefix + " (" + source.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
