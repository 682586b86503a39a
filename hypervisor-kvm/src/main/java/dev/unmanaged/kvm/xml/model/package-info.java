/**
 * The JAXB model of the libvirt domain XML elements the mapping reads: one small type per element, every
 * value kept as the text the document holds (the mapping validates and converts it, so that a bad value
 * yields an error naming the element instead of a silent default). Elements and attributes that are not
 * modelled are ignored, so newer libvirt documents still bind. Secrets are never bound: a graphics
 * {@code passwd} becomes a presence flag, {@code <auth>} usernames, cookies and URL queries are not modelled.
 * Not exported; opened to the JAXB runtime only.
 */
@XmlAccessorType(XmlAccessType.FIELD)
package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
