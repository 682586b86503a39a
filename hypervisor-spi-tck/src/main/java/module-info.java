/**
 * Conformance kits that a hypervisor provider or an inventory store extends to prove it keeps the SPI's
 * promises, and the in-memory reference provider and store that the rest of the library tests against.
 */
module dev.unmanaged.tck {
    requires transitive dev.unmanaged.api;
    // Static: only the kits need the test libraries, and a test running them brings its own; an application
    // using the in-memory fakes runs without them.
    requires static transitive org.junit.jupiter.api;
    requires static org.junit.jupiter.params;
    requires static org.assertj.core;

    exports dev.unmanaged.tck;
    exports dev.unmanaged.tck.fake;

    opens dev.unmanaged.tck to org.junit.platform.commons;
}
