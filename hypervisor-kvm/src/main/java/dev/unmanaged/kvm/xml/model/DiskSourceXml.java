package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;

import java.util.ArrayList;
import java.util.List;

/**
 * A disk's {@code <source>} with the attributes of every disk type; {@link DiskXml#source()} picks the ones the
 * disk's {@code type} selects. The {@code query} attribute, {@code <cookies>}, {@code <auth>} and
 * {@code <encryption>} are deliberately not bound: they may carry credentials.
 */
public class DiskSourceXml {
    @XmlAttribute(name = "file")
    private String file;
    @XmlAttribute(name = "dev")
    private String dev;
    @XmlAttribute(name = "dir")
    private String dir;
    @XmlAttribute(name = "protocol")
    private String protocol;
    @XmlAttribute(name = "name")
    private String name;
    @XmlAttribute(name = "pool")
    private String pool;
    @XmlAttribute(name = "volume")
    private String volume;
    @XmlAttribute(name = "path")
    private String path;
    @XmlAttribute(name = "namespace")
    private String namespace;
    @XmlElement(name = "host")
    private List<NetworkHostXml> hosts = new ArrayList<>();
    @XmlElement(name = "address")
    private PciAddressXml address;

    public String file() {
        return file;
    }

    public String dev() {
        return dev;
    }

    public String dir() {
        return dir;
    }

    public String protocol() {
        return protocol;
    }

    public String name() {
        return name;
    }

    public String pool() {
        return pool;
    }

    public String volume() {
        return volume;
    }

    public String path() {
        return path;
    }

    public String namespace() {
        return namespace;
    }

    public List<NetworkHostXml> hosts() {
        return hosts;
    }

    public PciAddressXml address() {
        return address;
    }
}
