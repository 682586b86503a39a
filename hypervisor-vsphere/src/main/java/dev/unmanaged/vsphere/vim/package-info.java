/**
 * The JAXB model of the few vim25 types the vSphere provider reads: the service content, the property collector's
 * results, and the parts of a virtual machine's configuration that the mapping uses, each device type a subclass
 * chosen by its {@code xsi:type}. Every value is kept as the document holds it; elements that are not modelled
 * are ignored, so newer servers still bind. {@code config.extraConfig} and annotations are not modelled at all
 * (they are not even asked for). Not exported; opened to the JAXB runtime only.
 */
@XmlSchema(namespace = Vim.NAMESPACE, elementFormDefault = XmlNsForm.QUALIFIED)
@XmlAccessorType(XmlAccessType.FIELD)
package dev.unmanaged.vsphere.vim;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
