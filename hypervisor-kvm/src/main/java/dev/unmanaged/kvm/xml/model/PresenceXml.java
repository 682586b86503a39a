package dev.unmanaged.kvm.xml.model;

/** A flag element such as {@code <readonly/>}: its presence is its meaning. */
public class PresenceXml {
}
