// JAXB's runtime, which the model package is opened to, is found through jakarta.xml.bind's ServiceLoader and so
// not resolved when this module is compiled: known, not a defect to warn about on every build.
/**
 * The vSphere provider of Unmanaged: the vim25 SOAP API over the JDK's HTTP client, a hardened JAXB reader of the
 * few vim25 types it needs, and their mapping to the api's instance descriptors. Found by
 * {@link java.util.ServiceLoader} as a {@link dev.unmanaged.api.spi.HypervisorInstanceProvider} for hypervisor
 * {@code vsphere}, and as a {@link dev.unmanaged.api.spi.HypervisorProviderFactory}. No SOAP or JAXB type is
 * exported.
 */
@SuppressWarnings("module")
module dev.unmanaged.vsphere {
    requires transitive dev.unmanaged.api;
    requires java.net.http;
    requires jakarta.xml.bind;
    requires dev.unmanaged.xml;
    requires java.xml;
    requires org.slf4j;

    exports dev.unmanaged.vsphere;

    opens dev.unmanaged.vsphere.vim to jakarta.xml.bind, org.glassfish.jaxb.runtime;

    provides dev.unmanaged.api.spi.HypervisorInstanceProvider with dev.unmanaged.vsphere.VsphereInstanceProvider;
    provides dev.unmanaged.api.spi.HypervisorProviderFactory with dev.unmanaged.vsphere.VsphereProviderFactory;
}
