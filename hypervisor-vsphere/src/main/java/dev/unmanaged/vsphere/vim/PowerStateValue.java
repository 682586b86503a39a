package dev.unmanaged.vsphere.vim;

import jakarta.xml.bind.annotation.XmlEnum;
import jakarta.xml.bind.annotation.XmlEnumValue;
import jakarta.xml.bind.annotation.XmlType;

/** {@code runtime.powerState}. */
@XmlType(name = "VirtualMachinePowerState")
@XmlEnum
public enum PowerStateValue {
    @XmlEnumValue("poweredOn") POWERED_ON,
    @XmlEnumValue("poweredOff") POWERED_OFF,
    @XmlEnumValue("suspended") SUSPENDED
}
