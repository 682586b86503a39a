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

    /**
     * {@code name[:port]} ({@code [ipv6]:port} for an IPv6 address, so the port stays unambiguous), or the
     * socket path of a unix transport; null when the element names neither.
     */
    public String endpoint() {
        if (name != null && !name.isBlank()) {
            String host = name.strip();
            if (port == null || port.isBlank()) {
                return host;
            }
            boolean ipv6 = host.indexOf(':') >= 0 && !host.startsWith("[");
            return (ipv6 ? "[" + host + "]" : host) + ":" + port.strip();
        }
        return socket;
    }
}
