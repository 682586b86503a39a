package dev.unmanaged.kvm.xml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unmanaged.api.instance.DiskDescriptor;
import dev.unmanaged.api.instance.Firmware;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.NicDescriptor;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Real corpus documents, with every expected value read by hand from the file. */
class RealDocumentsTest {
    private static InstanceDescriptor parse(String relativePath) {
        return DomainXmlParser.shared().parse(Corpus.root().resolve(relativePath));
    }

    @Test
    @DisplayName("CloudStack's system VM: three disks (one LUKS, one CD-ROM), four bridged NICs, one VNC console")
    void cloudStackSystemVm() {
        InstanceDescriptor d = parse("cloudstack/LibvirtDomainXMLParserTest-L76.xml");
        assertThat(d.name()).isEqualTo("s-2970-VM");
        assertThat(d.uuid()).hasToString("4d2c1526-865d-4fc9-a1ac-dbd1801a22d0");
        assertThat(d.virtualizationType()).isEqualTo("kvm");
        assertThat(d.memory().maxBytes()).isEqualTo(262_144L * 1024);
        assertThat(d.memory().currentBytes()).isEqualTo(262_144L * 1024);
        assertThat(d.cpu().vcpus()).isEqualTo(1);
        assertThat(d.cpu().tune().shares()).isEqualTo(250L);
        assertThat(d.cpu().tune().periodMicros()).isNull();
        assertThat(d.os().arch()).isEqualTo("x86_64");
        assertThat(d.os().machine()).isEqualTo("pc-i440fx-1.5");
        assertThat(d.os().bootOrder()).containsExactly("cdrom", "hd");
        assertThat(d.os().firmware()).isNull();
        assertThat(d.disks()).extracting(DiskDescriptor::deviceName).containsExactly("vda", "vdb", "hdc");
        assertThat(d.disks()).extracting(DiskDescriptor::source).containsExactly(
                "/var/lib/libvirt/images/my-test-image.qcow2", "/var/lib/libvirt/images/my-test-image2.qcow2",
                "/usr/share/cloudstack-common/vms/systemvm.iso");
        assertThat(d.disks()).extracting(DiskDescriptor::device).containsExactly("disk", "disk", "cdrom");
        assertThat(d.disks()).extracting(DiskDescriptor::driverType).containsExactly("qcow2", "qcow2", "raw");
        assertThat(d.disks()).extracting(DiskDescriptor::cache).containsOnly("none");
        assertThat(d.disks()).extracting(DiskDescriptor::readOnly).containsExactly(false, false, true);
        assertThat(d.disks()).extracting(DiskDescriptor::bus).containsExactly("virtio", "virtio", "ide");
        assertThat(d.nics()).extracting(NicDescriptor::mac).containsExactly("0e:00:a9:fe:02:00",
                "06:c5:94:00:05:65", "06:c9:f4:00:04:40", "06:7e:c6:00:05:68");
        assertThat(d.nics()).extracting(NicDescriptor::source).containsExactly("cloud0", "cloudbr1", "cloudbr0",
                "cloudbr1");
        assertThat(d.nics()).extracting(NicDescriptor::hostDeviceName)
                .containsExactly("vnet0", "vnet1", "vnet2", "vnet3");
        assertThat(d.nics()).extracting(NicDescriptor::model).containsOnly("virtio");
        assertThat(d.graphics()).singleElement().satisfies(g -> {
            assertThat(g.type()).isEqualTo("vnc");
            assertThat(g.port()).isEqualTo(5900);
            assertThat(g.listen()).isEqualTo("0.0.0.0");
            assertThat(g.passwordSet()).isFalse();
        });
        assertThat(d.warnings()).isEmpty();
    }

    @Test
    @DisplayName("libvirt's rbd test: six network disks with their monitors, the auth username dropped")
    void rbdDisks() {
        InstanceDescriptor d = parse("libvirt/qemuxmlconfdata/disk-network-rbd.xml");
        assertThat(d.virtualizationType()).isEqualTo("qemu");
        assertThat(d.memory().maxBytes()).isEqualTo(219_136L * 1024);
        assertThat(d.disks()).hasSize(6).allSatisfy(disk -> {
            assertThat(disk.type()).isEqualTo("network");
            assertThat(disk.protocol()).isEqualTo("rbd");
            assertThat(disk.source()).isEqualTo("pool/image");
            assertThat(disk.driverType()).isEqualTo("raw");
        });
        List<String> monitors = List.of("mon1.example.org:6321", "mon2.example.org:6322", "mon3.example.org:6322");
        assertThat(d.disks().get(0).hosts()).isEqualTo(monitors);
        assertThat(d.disks().get(1).hosts()).isEmpty();
        assertThat(d.disks().get(4).hosts()).isEqualTo(monitors);
        assertThat(d.disks().get(5).hosts()).containsExactly("[::1]:6321", "example.org:6789",
                "[ffff:1234:567:abc::0f]:6322", "[2001:db8::ff00:42:8329]:6322");
        assertThat(d.toString()).doesNotContain("myname");
    }

    @Test
    @DisplayName("a passed-through NIC: host PCI address, MAC and boot order; the disk boots second")
    void hostdevNic() {
        InstanceDescriptor d = parse("libvirt/qemuxmlconfdata/net-hostdev-bootorder.xml");
        assertThat(d.nics()).singleElement().satisfies(nic -> {
            assertThat(nic.type()).isEqualTo("hostdev");
            assertThat(nic.source()).isEqualTo("0000:03:07.1");
            assertThat(nic.mac()).isEqualTo("00:11:22:33:44:55");
            assertThat(nic.bootOrder()).isEqualTo(1);
        });
        assertThat(d.disks()).singleElement().satisfies(disk -> {
            assertThat(disk.type()).isEqualTo("block");
            assertThat(disk.source()).isEqualTo("/dev/HostVG/QEMUGuest1");
            assertThat(disk.bootOrder()).isEqualTo(2);
        });
    }

    @Test
    @DisplayName("a passed-through NIC in PCI domain 0x2424 with a VLAN tag, an 802.1Qbg port and an rtl8139 model")
    void hostdevNicWithVlan() {
        NicDescriptor nic = parse("libvirt/qemuxmlconfdata/net-hostdev-multidomain.xml").nics().get(0);
        assertThat(nic.source()).isEqualTo("2424:21:1c.6");
        assertThat(nic.vlanTags()).containsExactly(42);
        assertThat(nic.switchPortType()).isEqualTo("802.1Qbg");
        assertThat(nic.model()).isEqualTo("rtl8139");
    }

    @Test
    @DisplayName("libvirt's cputune test: shares 2048, period 1 s, unlimited quota")
    void cputune() {
        InstanceDescriptor d = parse("libvirt/qemuxmlconfdata/cputune.xml");
        assertThat(d.cpu().maxVcpus()).isEqualTo(4);
        assertThat(d.cpu().tune().shares()).isEqualTo(2048L);
        assertThat(d.cpu().tune().periodMicros()).isEqualTo(1_000_000L);
        assertThat(d.cpu().tune().quotaMicros()).isNull();
        assertThat(d.cpu().tune().quotaUnlimited()).isTrue();
    }

    @Test
    @DisplayName("a secure-boot OVMF loader is UEFI with secure boot")
    void secureBootLoader() {
        InstanceDescriptor d = parse("libvirt/qemuxmlconfdata/firmware-manual-efi-loader-secure.xml");
        assertThat(d.name()).isEqualTo("guest");
        assertThat(d.os().firmware()).isEqualTo(Firmware.EFI);
        assertThat(d.os().secureBoot()).isTrue();
    }
}
