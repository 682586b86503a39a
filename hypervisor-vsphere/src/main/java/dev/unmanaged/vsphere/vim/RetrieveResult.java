package dev.unmanaged.vsphere.vim;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** One page of the property collector's results; a token when more pages follow. */
@XmlType(name = "RetrieveResult")
public class RetrieveResult {
    public String token;
    @XmlElement(name = "objects")
    public List<ObjectContent> objects = new ArrayList<>();
}
