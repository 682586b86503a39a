/**
 * A sample hypervisor provider for the made-up {@code jsondir} hypervisor, whose host is a directory and whose
 * instances are JSON files in it. It is found with {@link java.util.ServiceLoader} like any provider.
 */
module dev.unmanaged.samples.jsondir {
    requires transitive dev.unmanaged.api;
    requires com.fasterxml.jackson.databind;

    exports dev.unmanaged.samples.jsondir;

    provides dev.unmanaged.api.spi.HypervisorInstanceProvider
            with dev.unmanaged.samples.jsondir.JsonDirectoryProvider;
}
