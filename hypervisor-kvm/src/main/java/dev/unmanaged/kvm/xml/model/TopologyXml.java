package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlAttribute;

/** {@code <topology sockets dies clusters cores threads/>}, each value as written. */
public class TopologyXml {
    @XmlAttribute(name = "sockets")
    private String sockets;
    @XmlAttribute(name = "dies")
    private String dies;
    @XmlAttribute(name = "clusters")
    private String clusters;
    @XmlAttribute(name = "cores")
    private String cores;
    @XmlAttribute(name = "threads")
    private String threads;

    public String sockets() {
        return sockets;
    }

    public String dies() {
        return dies;
    }

    public String clusters() {
        return clusters;
    }

    public String cores() {
        return cores;
    }

    public String threads() {
        return threads;
    }
}
