package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;

/**
 * {@code <backingStore type='file' index='1'><format type='qcow2'/><source file='...'/><backingStore/></backingStore>}:
 * one layer of a disk's backing chain, holding the next layer in turn. An empty {@code <backingStore/>} ends the
 * chain. The source binds what a disk's source binds, so credentials stay out as there.
 */
public class BackingStoreXml {
    @XmlAttribute(name = "type")
    private String type;
    @XmlElement(name = "format")
    private TypeOnlyXml format;
    @XmlElement(name = "source")
    private DiskSourceXml source;
    @XmlElement(name = "backingStore")
    private BackingStoreXml backingStore;

    /** The {@code type} attribute as written; null on the empty element that ends a chain. */
    public String type() {
        return type;
    }

    public TypeOnlyXml format() {
        return format;
    }

    public DiskSourceXml source() {
        return source;
    }

    /** The next layer down; null when the document says nothing further. */
    public BackingStoreXml backingStore() {
        return backingStore;
    }
}
