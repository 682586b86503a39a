package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;

/** {@code <tpm model='tpm-crb'><backend type='emulator' version='2.0'/></tpm>}. */
public class TpmXml {
    @XmlAttribute(name = "model")
    private String model;
    @XmlElement(name = "backend")
    private TpmBackendXml backend;

    public String model() {
        return model;
    }

    public TpmBackendXml backend() {
        return backend;
    }
}
