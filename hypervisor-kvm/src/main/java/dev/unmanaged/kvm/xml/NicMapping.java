package dev.unmanaged.kvm.xml;

import dev.unmanaged.api.instance.NicDescriptor;
import dev.unmanaged.api.net.MacAddresses;
import dev.unmanaged.kvm.xml.model.InterfaceXml;
import dev.unmanaged.kvm.xml.model.VlanTagXml;
import dev.unmanaged.kvm.xml.model.VlanXml;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <interface>} to {@link NicDescriptor}. Every interface element becomes a descriptor whatever its type
 * or model. A MAC address must be six colon-separated hex octets (libvirt's syntax; one-digit octets are
 * padded); VLAN tags must be 0..4095.
 */
final class NicMapping {
    private static final int MAX_VLAN = 4095;

    private NicMapping() {
    }

    static NicDescriptor map(InterfaceXml nic) {
        String type = Values.text(nic.type());
        String mac = nic.mac() == null ? null : mac(nic.mac().address());
        String model = nic.model() == null ? null : Values.text(nic.model().type());
        InterfaceSource source = nic.source() == null ? null : InterfaceSource.of(nic.type(), nic.source());
        String virtualPort = nic.virtualport() == null ? null : Values.text(nic.virtualport().type());
        String hostDeviceName = nic.target() == null ? null : Values.text(nic.target().dev());
        Integer bootOrder = nic.boot() == null ? null : Values.bootOrder(field(mac, "<boot order>"), nic.boot().order());
        return new NicDescriptor(type, mac, model, source == null ? null : Values.text(source.location()),
                vlanTags(mac, nic.vlans()), virtualPort, hostDeviceName, bootOrder);
    }

    private static String mac(String raw) {
        String value = Values.text(raw);
        if (value == null) {
            return null;
        }
        return MacAddresses.canonical(value)
                .orElseThrow(() -> Values.invalid("<interface><mac address>", value, MacAddresses.EXPECTED));
    }

    private static List<Integer> vlanTags(String mac, List<VlanXml> vlans) {
        List<Integer> tags = new ArrayList<>();
        for (VlanXml vlan : vlans) {
            for (VlanTagXml tag : vlan.tags()) {
                Integer id = Values.intIn(field(mac, "<vlan><tag id>"), tag.id(), 0, MAX_VLAN,
                        "a VLAN id from 0 to " + MAX_VLAN);
                if (id != null) {
                    tags.add(id);
                }
            }
        }
        return tags;
    }

    private static String field(String mac, String child) {
        return mac == null ? "<interface>" + child : "<interface> with MAC " + mac + " " + child;
    }
}
