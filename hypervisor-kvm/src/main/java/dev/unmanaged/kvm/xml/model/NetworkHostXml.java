package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlAttribute;

/** {@code <host name='mon1' port='6789'/>} or {@code <host transport='unix' socket='/path'/>} of a network disk. */
public class NetworkHostXml {
    @XmlAttribute(name = "name")
    private String name;
    @XmlAttribute(name = "port")
    private String port;
    @XmlAttribute(name = "socket")
    private String socket;

    public String name() {
        return name;
    }

    public String port() {
        return port;
    }

    public String socket() {
        return socket;
    }

    /** {@code name[:port]}, or the socket path of a unix transport; null when the element names neither. */
    public String endpoint() {
        if (name != null && !name.isBlank()) {
            return port == null || port.isBlank() ? name.strip() : name.strip() + ":" + port.strip();
        }
        return socket;
    }
}
