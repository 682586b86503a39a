package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlElement;

import java.util.ArrayList;
import java.util.List;

/** {@code <os><firmware>}: the firmware features requested for automatic firmware selection. */
public class FirmwareXml {
    @XmlElement(name = "feature")
    private List<FirmwareFeatureXml> features = new ArrayList<>();

    public List<FirmwareFeatureXml> features() {
        return features;
    }
}
