/**
 * Conformance kits that a hypervisor provider or an inventory store extends to prove it keeps the SPI's
 * promises, and the in-memory reference provider and store that the rest of the library tests against.
 */
module dev.unmanaged.tck {
    requires transitive dev.unmanaged.api;
    requires transitive org.junit.jupiter.api;
    requires org.junit.jupiter.params;
    requires org.assertj.core;

    exports dev.unmanaged.tck;
    exports dev.unmanaged.tck.fake;

    opens dev.unmanaged.tck to org.junit.platform.commons;
}
