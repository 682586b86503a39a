package dev.unmanaged.kvm.xml;

import dev.unmanaged.kvm.xml.model.InterfaceSourceXml;

/**
 * The source of a network interface, one variant per libvirt interface {@code type}. {@link #location()} is
 * what the interface is plugged into on the host.
 */
sealed interface InterfaceSource {
    /** The bridge, network, host device or socket; null when the type has none or the document omits it. */
    String location();

    /** Picks the variant named by an interface's {@code type} attribute. */
    static InterfaceSource of(String type, InterfaceSourceXml xml) {
        String kind = type == null ? "" : type;
        return switch (kind) {
            case "bridge" -> new Bridge(xml.bridge());
            case "network" -> new Network(xml.network(), xml.portgroup());
            case "direct" -> new Direct(xml.dev(), xml.mode());
            case "hostdev" -> new HostDevice(PciAddresses.format(xml.address()));
            case "vhostuser" -> new VhostUser(xml.path());
            case "vdpa" -> new Vdpa(xml.dev());
            default -> new Other(kind);
        };
    }

    /** {@code type='bridge'}: a host bridge. */
    record Bridge(String bridge) implements InterfaceSource {
        @Override
        public String location() {
            return bridge;
        }
    }

    /** {@code type='network'}: a libvirt virtual network (and port group). */
    record Network(String network, String portgroup) implements InterfaceSource {
        @Override
        public String location() {
            return network;
        }
    }

    /** {@code type='direct'}: macvtap on a host device. */
    record Direct(String device, String mode) implements InterfaceSource {
        @Override
        public String location() {
            return device;
        }
    }

    /** {@code type='hostdev'}: a host PCI function passed through (SR-IOV VF), as {@code dddd:bb:ss.f}. */
    record HostDevice(String pciAddress) implements InterfaceSource {
        @Override
        public String location() {
            return pciAddress;
        }
    }

    /** {@code type='vhostuser'}: a vhost-user socket. */
    record VhostUser(String socketPath) implements InterfaceSource {
        @Override
        public String location() {
            return socketPath;
        }
    }

    /** {@code type='vdpa'}: a vDPA character device. */
    record Vdpa(String device) implements InterfaceSource {
        @Override
        public String location() {
            return device;
        }
    }

    /** ethernet, user, udp, mcast, server, client, null, vds, …: no host-side source a user would name. */
    record Other(String type) implements InterfaceSource {
        @Override
        public String location() {
            return null;
        }
    }
}
