package dev.unmanaged.vsphere.vim;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** The properties of one object the property collector returned, and those it could not read. */
@XmlType(name = "ObjectContent")
public class ObjectContent {
    public ManagedObjectReference obj;
    @XmlElement(name = "propSet")
    public List<DynamicProperty> properties = new ArrayList<>();
    @XmlElement(name = "missingSet")
    public List<MissingProperty> missing = new ArrayList<>();

    /** One property: its path and its value, of the class its {@code xsi:type} names. */
    @XmlType(name = "DynamicProperty")
    public static class DynamicProperty {
        public String name;
        @XmlElement(name = "val")
        public Object value;
    }

    /** A property the server could not read, and why. */
    @XmlType(name = "MissingProperty")
    public static class MissingProperty {
        public String path;
        public LocalizedMethodFault fault;
    }

    /** A fault in a result. */
    @XmlType(name = "LocalizedMethodFault")
    public static class LocalizedMethodFault {
        public MethodFault fault;
        public String localizedMessage;
    }
}
