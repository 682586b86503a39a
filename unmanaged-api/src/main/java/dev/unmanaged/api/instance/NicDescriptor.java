package dev.unmanaged.api.instance;

import dev.unmanaged.api.internal.Copies;
import java.util.List;

/**
 * A network interface of an instance.
 *
 * @param type            bridge, network, direct, ethernet, user, vhostuser, hostdev, …
 * @param mac             MAC address in lower case; null when the definition has none
 * @param model           device model, e.g. virtio, e1000e; null when not set
 * @param source          the bridge (bridge), the network (network) or the host device (direct); null otherwise
 * @param vlanTags        VLAN tags in document order; never null
 * @param virtualPortType the virtual port type, e.g. openvswitch; null when not set
 * @param targetDev       host-side device name, e.g. vnet0; null when not set
 * @param bootOrder       per-device boot order, null when not set
 */
public record NicDescriptor(String type, String mac, String model, String source, List<Integer> vlanTags,
                            String virtualPortType, String targetDev, Integer bootOrder) {
    public NicDescriptor {
        vlanTags = Copies.list(vlanTags);
        mac = mac == null ? null : mac.toLowerCase(java.util.Locale.ROOT);
    }
}
