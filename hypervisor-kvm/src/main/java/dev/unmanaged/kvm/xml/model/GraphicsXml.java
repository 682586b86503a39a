package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

import java.util.ArrayList;
import java.util.List;

/** {@code <graphics type=... port=... listen=... passwd=...>}; the password is bound only as "set or not". */
public class GraphicsXml {
    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "port")
    private String port;
    @XmlAttribute(name = "autoport")
    private String autoport;
    @XmlAttribute(name = "listen")
    private String listenAddress;
    @XmlAttribute(name = "passwd")
    @XmlJavaTypeAdapter(SecretPresenceAdapter.class)
    private Boolean passwordSet;
    @XmlElement(name = "listen")
    private List<ListenXml> listens = new ArrayList<>();

    public String type() {
        return type;
    }

    public String port() {
        return port;
    }

    public String autoport() {
        return autoport;
    }

    /** The legacy {@code listen} attribute. */
    public String listenAddress() {
        return listenAddress;
    }

    public boolean passwordSet() {
        return Boolean.TRUE.equals(passwordSet);
    }

    public List<ListenXml> listens() {
        return listens;
    }
}
