package dev.unmanaged.vsphere.vim;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;

/** A reference to a server-side object: its type ({@code VirtualMachine}, {@code HostSystem}, …) and its id. */
@XmlType(name = "ManagedObjectReference")
public class ManagedObjectReference {
    @XmlAttribute(name = "type", namespace = "")
    public String type;
    @XmlValue
    public String value;

    /** For JAXB. */
    public ManagedObjectReference() {
    }

    /** A reference to {@code value} of {@code type}. */
    public ManagedObjectReference(String type, String value) {
        this.type = type;
        this.value = value;
    }

    /** The reference as {@code type:value}, the key of maps of objects. */
    public String key() {
        return type + ":" + value;
    }

    @Override
    public String toString() {
        return key();
    }
}
