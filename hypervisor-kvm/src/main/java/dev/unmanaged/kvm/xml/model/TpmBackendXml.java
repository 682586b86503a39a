package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;

/**
 * A TPM's {@code <backend type='emulator|passthrough' version='2.0'>} with the host device of a passthrough
 * ({@code <device path='/dev/tpm0'/>}) or the state location of an emulator ({@code <source type='dir' path=.../>}).
 * {@code <encryption secret=...>} is not bound.
 */
public class TpmBackendXml {
    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "version")
    private String version;
    @XmlElement(name = "device")
    private PathXml device;
    @XmlElement(name = "source")
    private PathXml source;

    public String type() {
        return type;
    }

    public String version() {
        return version;
    }

    public PathXml device() {
        return device;
    }

    public PathXml source() {
        return source;
    }
}
