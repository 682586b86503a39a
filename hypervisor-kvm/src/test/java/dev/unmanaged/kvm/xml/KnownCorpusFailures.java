package dev.unmanaged.kvm.xml;

import dev.unmanaged.kvm.xml.DomainXmlException.Reason;

import java.util.Map;

/**
 * The real corpus documents the parser refuses, each with the typed error it must give and why refusing is
 * right. Kept in step with docs/domain-xml.md. Every other document under libvirt/ and cloudstack/ must parse.
 */
final class KnownCorpusFailures {
    record Expected(Reason reason, String field, String why) {
    }

    private static final String CLOUDSTACK_FRAGMENT = "a CloudStack unit-test fragment with only the elements that"
            + " test reads; no <name> (mandatory in libvirt) and no <memory>";

    static final Map<String, Expected> FAILURES = Map.of(
            "cloudstack/LibvirtComputingResourceTest-L1705.xml",
            new Expected(Reason.MISSING_ELEMENT, "<name>", CLOUDSTACK_FRAGMENT),
            "cloudstack/LibvirtDomainXMLParserTest-L432.xml",
            new Expected(Reason.MISSING_ELEMENT, "<name>", CLOUDSTACK_FRAGMENT),
            "cloudstack/LibvirtDomainXMLParserTest-L446.xml",
            new Expected(Reason.MISSING_ELEMENT, "<name>", CLOUDSTACK_FRAGMENT),
            "cloudstack/LibvirtDomainXMLParserTest-L472.xml",
            new Expected(Reason.MISSING_ELEMENT, "<name>", CLOUDSTACK_FRAGMENT + " (it is <domain type='kvm'/>)"),
            "cloudstack/LibvirtMigrateCommandWrapperTest-L676.xml",
            new Expected(Reason.MISSING_ELEMENT, "<name>", CLOUDSTACK_FRAGMENT),
            "cloudstack/LibvirtMigrateCommandWrapperTest-L700.xml",
            new Expected(Reason.MISSING_ELEMENT, "<name>", CLOUDSTACK_FRAGMENT),
            "cloudstack/LibvirtMigrateCommandWrapperTest-L851.xml",
            new Expected(Reason.MISSING_ELEMENT, "<name>", CLOUDSTACK_FRAGMENT),
            "libvirt/domainschemadata/domain-openvz-simple.xml",
            new Expected(Reason.INVALID_VALUE, "<memory>", "an OpenVZ schema sample with <memory>0</memory> and "
                    + "no NUMA cells: a container with no memory size cannot be described (memory must be > 0)"),
            "libvirt/qemuxmlconfdata/no-memory.xml",
            new Expected(Reason.MISSING_ELEMENT, "<memory>", "libvirt's own negative test (it has a .err file): "
                    + "no <memory> and no NUMA cells"));

    private KnownCorpusFailures() {
    }
}
