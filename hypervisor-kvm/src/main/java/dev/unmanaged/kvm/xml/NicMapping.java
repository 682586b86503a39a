package dev.unmanaged.kvm.xml;

import dev.unmanaged.api.instance.NicDescriptor;
import dev.unmanaged.kvm.xml.model.InterfaceSource;
import dev.unmanaged.kvm.xml.model.InterfaceXml;
import dev.unmanaged.kvm.xml.model.VlanTagXml;
import dev.unmanaged.kvm.xml.model.VlanXml;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code <interface>} to {@link NicDescriptor}. Every interface element becomes a descriptor whatever its type
 * or model. A MAC address must be six colon-separated hex octets (libvirt's syntax; one-digit octets are
 * padded); VLAN tags must be 0..4095.
 */
final class NicMapping {
    private static final Pattern MAC = Pattern.compile("\\p{XDigit}{1,2}(:\\p{XDigit}{1,2}){5}");
    private static final int MAX_VLAN = 4095;

    private NicMapping() {
    }

    static NicDescriptor map(InterfaceXml nic) {
        String type = Values.text(nic.type());
        String mac = nic.mac() == null ? null : mac(nic.mac().address());
        String model = nic.model() == null ? null : Values.text(nic.model().type());
        InterfaceSource source = nic.source();
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
        if (!MAC.matcher(value).matches()) {
            throw Values.invalid("<interface><mac address>", value,
                    "a MAC address of six colon-separated hex octets, e.g. 52:54:00:12:34:56");
        }
        StringBuilder normal = new StringBuilder(17);
        for (String octet : value.split(":")) {
            if (normal.length() > 0) {
                normal.append(':');
            }
            normal.append(octet.length() == 1 ? "0" + octet : octet);
        }
        return normal.toString().toLowerCase(Locale.ROOT);
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
