package dev.unmanaged.vsphere.vim;

import jakarta.xml.bind.annotation.XmlSeeAlso;
import jakarta.xml.bind.annotation.XmlType;

/** A fault; the subclass says which (only the ones the provider reacts to are modelled). */
@XmlType(name = "MethodFault")
@XmlSeeAlso({MethodFault.NotAuthenticated.class})
public class MethodFault {
    /** The session is unknown or expired: log in again. */
    @XmlType(name = "NotAuthenticated")
    public static class NotAuthenticated extends MethodFault {
    }
}
