package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlElement;

import java.util.ArrayList;
import java.util.List;

/** {@code <cpu><numa>}: guest NUMA cells, whose memory libvirt sums when {@code <memory>} is absent. */
public class NumaXml {
    @XmlElement(name = "cell")
    private List<NumaCellXml> cells = new ArrayList<>();

    public List<NumaCellXml> cells() {
        return cells;
    }
}
