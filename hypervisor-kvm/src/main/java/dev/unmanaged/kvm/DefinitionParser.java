package dev.unmanaged.kvm;

import dev.unmanaged.api.instance.InstanceDescriptor;

/** Turns a domain's XML into a descriptor of its definition; the provider adds what only the host knows. */
@FunctionalInterface
interface DefinitionParser {
    /** @throws dev.unmanaged.api.error.InvalidDefinitionException when the document cannot be read */
    InstanceDescriptor parse(String domainXml);
}
