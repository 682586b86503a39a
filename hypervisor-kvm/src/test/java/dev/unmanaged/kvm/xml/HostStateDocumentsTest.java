package dev.unmanaged.kvm.xml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unmanaged.api.instance.BackingLayer;
import dev.unmanaged.api.instance.FirmwareState;
import dev.unmanaged.api.instance.HostDeviceDescriptor;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.TpmDescriptor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What a definition says a domain keeps on its host besides its disk images: backing chains, the UEFI variable
 * store, TPMs and passed-through devices; from real corpus documents and small hand-written ones.
 */
class HostStateDocumentsTest {
    private static InstanceDescriptor corpus(String relativePath) {
        return DomainXmlParser.shared().parse(Corpus.root().resolve(relativePath));
    }

    private static InstanceDescriptor devices(String devices) {
        return DomainXmlParser.shared().parse("""
                <domain type='kvm'><name>vm1</name><uuid>6f1c3c1e-2d7b-4a47-9c55-0b1c6f2a9e01</uuid>
                <memory>1048576</memory><devices>%s</devices></domain>""".formatted(devices));
    }

    @Test
    @DisplayName("CloudStack's running domain: a qcow2 overlay on a raw base file; the CD-ROM's empty chain ends at once")
    void cloudStackOverlay() {
        InstanceDescriptor d = corpus("cloudstack/LibvirtMigrateCommandWrapperTest-L79.xml");

        assertThat(d.disks().get(0).backingChain()).containsExactly(BackingLayer.of("file",
                "/mnt/812ea6a3-7ad0-30f4-9cab-01e3f2985b98/bb4d4df4-c004-11e5-94ed-5254001daa61", "raw"));
        assertThat(d.disks().get(1).device()).isEqualTo("cdrom");
        assertThat(d.disks().get(1).backingChain()).isEmpty();
    }

    @Test
    @DisplayName("a three-layer chain is read nearest first, a network layer by its image name")
    void deepChain() {
        InstanceDescriptor d = devices("""
                <disk type='file' device='disk'><driver name='qemu' type='qcow2'/>
                  <source file='/var/lib/libvirt/images/top.qcow2'/>
                  <backingStore type='file' index='3'><format type='qcow2'/>
                    <source file='/var/lib/libvirt/images/snap.qcow2'/>
                    <backingStore type='block' index='2'><format type='qcow2'/><source dev='/dev/vg0/mid'/>
                      <backingStore type='network' index='1'><format type='raw'/>
                        <source protocol='rbd' name='pool/base'><host name='mon1' port='6789'/></source>
                        <backingStore/>
                      </backingStore>
                    </backingStore>
                  </backingStore>
                  <target dev='vda' bus='virtio'/>
                </disk>""");

        assertThat(d.disks().get(0).backingChain()).containsExactly(
                BackingLayer.of("file", "/var/lib/libvirt/images/snap.qcow2", "qcow2"),
                BackingLayer.of("block", "/dev/vg0/mid", "qcow2"),
                BackingLayer.of("network", "pool/base", "raw"));
    }

    @Test
    @DisplayName("a shareable disk says so, and a disk without <backingStore> has an empty chain")
    void shareableWithoutChain() {
        InstanceDescriptor d = devices("""
                <disk type='file' device='disk'><driver name='qemu' type='raw' cache='none'/>
                  <source file='/var/lib/libvirt/images/quorum.raw'/><target dev='vdb' bus='virtio'/><shareable/>
                </disk>""");

        assertThat(d.disks().get(0).shareable()).isTrue();
        assertThat(d.disks().get(0).backingChain()).isEmpty();
    }

    @Test
    @DisplayName("libvirt's aarch64 UEFI guest: its loader, its variable store and the store's template")
    void nvram() {
        InstanceDescriptor d = corpus("libvirt/qemuxmlconfdata/firmware-auto-efi-format-loader-raw.aarch64-latest.xml");

        assertThat(d.firmwareState()).isEqualTo(new FirmwareState(
                "/usr/share/edk2/aarch64/QEMU_EFI-silent-pflash.raw", "/var/lib/libvirt/qemu/nvram/guest_VARS.fd",
                "/usr/share/edk2/aarch64/vars-template-pflash.raw", null));
        assertThat(d.firmwareState().holdsState()).isTrue();
    }

    @Test
    @DisplayName("libvirt's passthrough TPM names the host's device; it is no state of the domain's own")
    void passthroughTpm() {
        InstanceDescriptor d = corpus("libvirt/qemuxmlconfdata/tpm-passthrough-crb.xml");

        assertThat(d.firmwareState().tpm()).isEqualTo(new TpmDescriptor("tpm-crb", "passthrough", null, "/dev/tpm0"));
        assertThat(d.firmwareState().holdsState()).isFalse();
    }

    @Test
    @DisplayName("an emulated TPM 2.0 is state of the domain's own")
    void emulatedTpm() {
        InstanceDescriptor d = devices("<tpm model='tpm-tis'><backend type='emulator' version='2.0'/></tpm>");

        assertThat(d.firmwareState().tpm()).isEqualTo(new TpmDescriptor("tpm-tis", "emulator", "2.0", null));
        assertThat(d.firmwareState().holdsState()).isTrue();
    }

    @Test
    @DisplayName("libvirt's mediated device is named by its UUID")
    void mediatedDevice() {
        InstanceDescriptor d = corpus("libvirt/qemuxmlconfdata/hostdev-mdev-display-spice-egl-headless.xml");

        assertThat(d.hostDevices()).containsExactly(
                new HostDeviceDescriptor("mdev", "53764d0e-85a0-42b4-af5c-2046b460b1dc", false));
    }

    @Test
    @DisplayName("PCI, USB (by vendor and product, and by bus and device) and SCSI devices, in definition order")
    void hostDevices() {
        InstanceDescriptor d = devices("""
                <hostdev mode='subsystem' type='pci' managed='yes'>
                  <source><address domain='0x0000' bus='0x06' slot='0x02' function='0x0'/></source></hostdev>
                <hostdev mode='subsystem' type='usb'>
                  <source><vendor id='0x046D'/><product id='0xc52b'/></source></hostdev>
                <hostdev mode='subsystem' type='usb'><source><address bus='1' device='4'/></source></hostdev>
                <hostdev mode='subsystem' type='scsi'>
                  <source><adapter name='scsi_host0'/><address bus='0' target='0' unit='2'/></source></hostdev>
                """);

        assertThat(d.hostDevices()).containsExactly(
                new HostDeviceDescriptor("pci", "0000:06:02.0", true),
                new HostDeviceDescriptor("usb", "046d:c52b", false),
                new HostDeviceDescriptor("usb", "bus 1 device 4", false),
                new HostDeviceDescriptor("scsi", "scsi_host0:0:0:2", false));
    }

    @Test
    @DisplayName("a BIOS domain without TPM or host devices keeps nothing on the host besides its disks")
    void nothing() {
        InstanceDescriptor d = devices("");

        assertThat(d.firmwareState()).isEqualTo(FirmwareState.NONE);
        assertThat(d.hostDevices()).isEmpty();
    }
}
