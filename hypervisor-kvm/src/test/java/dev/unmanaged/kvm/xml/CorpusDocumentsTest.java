package dev.unmanaged.kvm.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unmanaged.api.instance.DiskDescriptor;
import dev.unmanaged.api.instance.Firmware;
import dev.unmanaged.api.instance.GraphicsDescriptor;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.NicDescriptor;
import dev.unmanaged.api.instance.PowerState;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

/** Every real document of the shared corpus (libvirt/ and cloudstack/). */
class CorpusDocumentsTest {
    private final DomainXmlParser parser = DomainXmlParser.shared();

    static Stream<Corpus.Document> documents() {
        return Corpus.documents().stream();
    }

    static Stream<Corpus.Document> parsableDocuments() {
        return documents().filter(d -> !KnownCorpusFailures.FAILURES.containsKey(d.relativePath()));
    }

    @Test
    @DisplayName("the corpus index lists every document on disk, and the known failures exist in it")
    void indexCoversCorpus() {
        List<Corpus.Document> documents = Corpus.documents();
        assertThat(documents).hasSizeGreaterThan(2000);
        assertThat(documents).allSatisfy(d -> assertThat(d.path()).isRegularFile());
        assertThat(documents.stream().map(Corpus.Document::relativePath))
                .containsAll(KnownCorpusFailures.FAILURES.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    @DisplayName("each document parses with every disk, NIC and console, or fails as listed with a typed error")
    void parsesWithEveryDevice(Corpus.Document document) throws Exception {
        KnownCorpusFailures.Expected failure = KnownCorpusFailures.FAILURES.get(document.relativePath());
        if (failure != null) {
            assertThatThrownBy(() -> parser.parse(document.path()))
                    .isInstanceOfSatisfying(DomainXmlException.class, e -> {
                        assertThat(e.reason()).isEqualTo(failure.reason());
                        assertThat(e.field()).isEqualTo(failure.field());
                        assertThat(e.getMessage()).startsWith(failure.field());
                    });
            return;
        }
        InstanceDescriptor descriptor = parser.parse(document.path());
        DomOracle oracle = DomOracle.of(document.path());
        assertThat(descriptor.disks()).as("disks").hasSize(document.disks());
        assertThat(descriptor.nics()).as("NICs").hasSize(document.interfaces());
        assertThat(descriptor.graphics()).as("graphics").hasSize(oracle.graphics().size());
        assertThat(descriptor.virtualizationType()).isEqualTo(document.domainType());
        assertThat(descriptor.cpu().mode()).isEqualTo(document.cpuMode().isEmpty() ? null : document.cpuMode());
        assertThat(descriptor.hypervisor()).isEqualTo("kvm");
        assertThat(descriptor.hostId()).isNull();
        assertThat(descriptor.persistent()).isNull();
        assertThat(descriptor.powerState()).isEqualTo(PowerState.UNKNOWN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parsableDocuments")
    @DisplayName("each descriptor field equals what an independent DOM reading of the document says")
    void fieldsMatchIndependentReading(Corpus.Document document) throws Exception {
        InstanceDescriptor d = parser.parse(document.path());
        DomOracle xml = DomOracle.of(document.path());
        SoftAssertions soft = new SoftAssertions();

        soft.assertThat(d.name()).as("name").isEqualTo(xml.name());
        soft.assertThat(d.uuid() == null ? null : d.uuid().toString()).as("uuid").isEqualTo(xml.uuid());
        soft.assertThat(d.memory().maxBytes()).as("memory").isEqualTo(xml.memoryBytes());
        soft.assertThat(d.memory().currentBytes()).as("currentMemory").isEqualTo(xml.currentMemoryBytes());
        soft.assertThat(d.cpu().maxVcpus()).as("max vcpus").isEqualTo(xml.maxVcpus());
        if (xml.currentVcpusAttribute() != null) {
            soft.assertThat(d.cpu().vcpus()).as("vcpu current").isEqualTo(xml.currentVcpusAttribute());
        } else if (!xml.hasVcpuStates()) {
            soft.assertThat(d.cpu().vcpus()).as("vcpus online").isEqualTo(xml.maxVcpus());
        }
        soft.assertThat(d.cpu().model()).as("cpu model").isEqualTo(xml.cpuModel());
        soft.assertThat(d.cpu().sockets()).as("sockets").isEqualTo(xml.topology("sockets"));
        soft.assertThat(d.cpu().dies()).as("dies").isEqualTo(xml.topology("dies"));
        soft.assertThat(d.cpu().cores()).as("cores").isEqualTo(xml.topology("cores"));
        soft.assertThat(d.cpu().threads()).as("threads").isEqualTo(xml.topology("threads"));
        soft.assertThat(d.cpu().tune().shares()).as("shares").isEqualTo(xml.cputune("shares"));
        Long period = xml.cputune("period");
        soft.assertThat(d.cpu().tune().periodMicros()).as("period")
                .isEqualTo(period == null || period == 0 ? null : period);
        Long quota = xml.cputune("quota");
        soft.assertThat(d.cpu().tune().quotaMicros()).as("quota").isEqualTo(quota == null || quota <= 0 ? null : quota);
        soft.assertThat(d.cpu().tune().quotaUnlimited()).as("quota unlimited").isEqualTo(quota != null && quota < 0);

        soft.assertThat(d.os().type()).as("os type").isEqualTo(xml.osType());
        soft.assertThat(d.os().arch()).as("arch").isEqualTo(xml.osAttr("arch"));
        soft.assertThat(d.os().machine()).as("machine").isEqualTo(xml.osAttr("machine"));
        soft.assertThat(d.os().bootOrder()).as("boot devices").isEqualTo(xml.bootDevices());
        if ("efi".equals(xml.osFirmwareAttribute()) || "pflash".equals(xml.loaderAttr("type"))) {
            soft.assertThat(d.os().firmware()).as("firmware").isEqualTo(Firmware.EFI);
        } else if ("bios".equals(xml.osFirmwareAttribute())) {
            soft.assertThat(d.os().firmware()).as("firmware").isEqualTo(Firmware.BIOS);
        }
        if ("yes".equals(xml.loaderAttr("secure"))) {
            soft.assertThat(d.os().secureBoot()).as("secure boot").isTrue();
        } else if ("no".equals(xml.loaderAttr("secure"))) {
            soft.assertThat(d.os().secureBoot()).as("secure boot").isFalse();
        }

        List<Element> disks = xml.disks();
        for (int i = 0; i < Math.min(disks.size(), d.disks().size()); i++) {
            checkDisk(soft, "disk " + (i + 1), disks.get(i), d.disks().get(i));
        }
        List<Element> nics = xml.interfaces();
        for (int i = 0; i < Math.min(nics.size(), d.nics().size()); i++) {
            checkNic(soft, "interface " + (i + 1), nics.get(i), d.nics().get(i));
        }
        List<Element> graphics = xml.graphics();
        for (int i = 0; i < Math.min(graphics.size(), d.graphics().size()); i++) {
            checkGraphics(soft, "graphics " + (i + 1), graphics.get(i), d.graphics().get(i));
        }
        soft.assertAll();
    }

    private static void checkDisk(SoftAssertions soft, String which, Element xml, DiskDescriptor disk) {
        String device = DomOracle.attr(xml, "device");
        String type = DomOracle.attr(xml, "type");
        soft.assertThat(disk.device()).as(which + " device").isEqualTo(device == null ? "disk" : device);
        soft.assertThat(disk.type()).as(which + " type").isEqualTo(type == null ? "file" : type);
        soft.assertThat(disk.deviceName()).as(which + " target").isEqualTo(DomOracle.childAttr(xml, "target", "dev"));
        soft.assertThat(disk.bus()).as(which + " bus").isEqualTo(DomOracle.childAttr(xml, "target", "bus"));
        soft.assertThat(disk.driverType()).as(which + " format").isEqualTo(DomOracle.childAttr(xml, "driver", "type"));
        soft.assertThat(disk.cache()).as(which + " cache").isEqualTo(DomOracle.childAttr(xml, "driver", "cache"));
        String source = DomOracle.diskSource(xml);
        if (!DomOracle.UNCHECKED.equals(source)) {
            soft.assertThat(disk.source()).as(which + " source").isEqualTo(source);
        }
        soft.assertThat(disk.hosts()).as(which + " hosts").isEqualTo(DomOracle.diskHosts(xml));
        soft.assertThat(disk.protocol()).as(which + " protocol").isEqualTo("network".equals(type)
                ? DomOracle.childAttr(xml, "source", "protocol") : null);
        soft.assertThat(disk.readOnly()).as(which + " readonly").isEqualTo(DomOracle.child(xml, "readonly") != null);
        soft.assertThat(disk.shareable()).as(which + " shareable").isEqualTo(DomOracle.child(xml, "shareable") != null);
        Element serial = DomOracle.child(xml, "serial");
        soft.assertThat(disk.serial()).as(which + " serial")
                .isEqualTo(serial == null || serial.getTextContent().isEmpty() ? null : serial.getTextContent());
        String order = DomOracle.childAttr(xml, "boot", "order");
        soft.assertThat(disk.bootOrder()).as(which + " boot order").isEqualTo(order == null ? null : Integer.valueOf(order));
        soft.assertThat(disk.capacityBytes()).as(which + " capacity").isNull();
    }

    private static void checkNic(SoftAssertions soft, String which, Element xml, NicDescriptor nic) {
        soft.assertThat(nic.type()).as(which + " type").isEqualTo(DomOracle.attr(xml, "type"));
        String mac = DomOracle.childAttr(xml, "mac", "address");
        soft.assertThat(nic.mac()).as(which + " mac").isEqualTo(mac == null ? null : mac.toLowerCase(Locale.ROOT));
        soft.assertThat(nic.model()).as(which + " model").isEqualTo(DomOracle.childAttr(xml, "model", "type"));
        String source = DomOracle.nicSource(xml);
        if (!DomOracle.UNCHECKED.equals(source)) {
            soft.assertThat(nic.source()).as(which + " source").isEqualTo(source);
        }
        soft.assertThat(nic.vlanTags()).as(which + " vlan tags").isEqualTo(DomOracle.vlanTags(xml));
        soft.assertThat(nic.switchPortType()).as(which + " virtualport")
                .isEqualTo(DomOracle.childAttr(xml, "virtualport", "type"));
        soft.assertThat(nic.hostDeviceName()).as(which + " target")
                .isEqualTo(DomOracle.childAttr(xml, "target", "dev"));
        String order = DomOracle.childAttr(xml, "boot", "order");
        soft.assertThat(nic.bootOrder()).as(which + " boot order").isEqualTo(order == null ? null : Integer.valueOf(order));
    }

    private static void checkGraphics(SoftAssertions soft, String which, Element xml, GraphicsDescriptor graphics) {
        soft.assertThat(graphics.type()).as(which + " type").isEqualTo(DomOracle.attr(xml, "type"));
        String port = DomOracle.attr(xml, "port");
        soft.assertThat(graphics.port()).as(which + " port")
                .isEqualTo(port == null || port.equals("-1") ? null : Integer.valueOf(port));
        String passwd = DomOracle.attr(xml, "passwd");
        soft.assertThat(graphics.passwordSet()).as(which + " password set")
                .isEqualTo(passwd != null && !passwd.isEmpty());
        String listen = DomOracle.attr(xml, "listen");
        if (listen == null) {
            listen = DomOracle.childAttr(xml, "listen", "address");
        }
        if (listen != null) {
            soft.assertThat(graphics.listen()).as(which + " listen").isEqualTo(listen);
        }
    }
}
