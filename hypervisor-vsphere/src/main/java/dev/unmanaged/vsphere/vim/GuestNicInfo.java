package dev.unmanaged.vsphere.vim;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/**
 * One NIC as VMware Tools inside the guest report it in {@code guest.net}: its MAC and its addresses, with prefix
 * in {@code ipConfig}, or as bare strings in {@code ipAddress} (older Tools fill only these).
 */
@XmlType(name = "GuestNicInfo")
public class GuestNicInfo {
    public String macAddress;
    public Boolean connected;
    public Integer deviceConfigId;
    @XmlElement(name = "ipAddress")
    public List<String> ipAddresses = new ArrayList<>();
    public IpConfig ipConfig;

    /** {@code guest.net} itself: every NIC Tools report, those without a virtual device too. */
    @XmlType(name = "ArrayOfGuestNicInfo")
    public static class Array {
        @XmlElement(name = "GuestNicInfo")
        public List<GuestNicInfo> nics = new ArrayList<>();
    }

    /** {@code NetIpConfigInfo}: only the addresses. */
    @XmlType(name = "NetIpConfigInfo")
    public static class IpConfig {
        @XmlElement(name = "ipAddress")
        public List<IpAddress> addresses = new ArrayList<>();
    }

    /** {@code NetIpConfigInfoIpAddress}: an address, its prefix length and its state ({@code preferred}, ...). */
    @XmlType(name = "NetIpConfigInfoIpAddress")
    public static class IpAddress {
        public String ipAddress;
        public Integer prefixLength;
        public String state;
    }
}
