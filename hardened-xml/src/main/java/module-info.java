/**
 * Hardened XML reading for the hypervisor providers: one {@link javax.xml.stream.XMLInputFactory} set up without
 * DTDs, external entities or external resources, an input stream that refuses more than a fixed number of bytes,
 * and a stream reader that refuses a DOCTYPE, an entity reference or nesting past a limit. JDK only.
 */
module dev.unmanaged.xml {
    requires transitive java.xml;
    // Static: the annotations are not needed at run time. Transitive: readers see @Nullable when compiled.
    requires static transitive org.jspecify;

    exports dev.unmanaged.xml;
}
