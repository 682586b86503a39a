// libvirt-java and JNA are automatic modules (no module descriptor of their own), and the model package is opened to
// JAXB's runtime, which jakarta.xml.bind finds through its ServiceLoader: both are known, not defects to warn about
// on every build. The runtime is required besides for CoordinatorSlotHolder, which works around a cost of it.
/**
 * The KVM provider of Unmanaged: libvirt connections, the domain XML model, and its mapping to the api's
 * instance descriptors. Found by {@link java.util.ServiceLoader} as a
 * {@link dev.unmanaged.api.spi.HypervisorInstanceProvider} for hypervisor {@code kvm}, and as a
 * {@link dev.unmanaged.api.spi.HypervisorProviderFactory} that builds one from settings.
 */
@SuppressWarnings({"requires-automatic", "module"})
module dev.unmanaged.kvm {
    requires transitive dev.unmanaged.api;
    requires libvirt;
    requires com.sun.jna;
    requires jakarta.xml.bind;
    requires org.glassfish.jaxb.runtime;
    requires dev.unmanaged.xml;
    requires java.xml;
    requires org.slf4j;

    exports dev.unmanaged.kvm;
    exports dev.unmanaged.kvm.xml;

    opens dev.unmanaged.kvm.xml.model to jakarta.xml.bind, org.glassfish.jaxb.runtime;

    provides dev.unmanaged.api.spi.HypervisorInstanceProvider with dev.unmanaged.kvm.KvmInstanceProvider;
    provides dev.unmanaged.api.spi.HypervisorProviderFactory with dev.unmanaged.kvm.KvmProviderFactory;
}
