package dev.unmanaged.vsphere.vim;

import jakarta.xml.bind.annotation.XmlSeeAlso;
import jakarta.xml.bind.annotation.XmlType;

/**
 * A device of a virtual machine. The subclass is chosen by the element's {@code xsi:type}; a device whose type is
 * not modelled binds as this class itself, which the mapping skips with a warning.
 */
@XmlType(name = "VirtualDevice")
@XmlSeeAlso({VirtualDisk.class, VirtualCdrom.class, VirtualEthernetCard.class, VirtualController.class})
public class VirtualDevice {
    public Integer key;
    public Description deviceInfo;
    public Integer controllerKey;
    public Integer unitNumber;
    public Connectable connectable;

    /** The device's label as the server shows it. */
    @XmlType(name = "Description")
    public static class Description {
        public String label;
    }

    /** Whether the device is connected and connects at power on. */
    @XmlType(name = "VirtualDeviceConnectInfo")
    public static class Connectable {
        public Boolean startConnected;
        public Boolean connected;
    }

    /** The label, or the type and key when it has none. */
    public String describe() {
        String label = deviceInfo == null ? null : deviceInfo.label;
        return label != null && !label.isBlank() ? label.strip() : getClass().getSimpleName() + " " + key;
    }
}
