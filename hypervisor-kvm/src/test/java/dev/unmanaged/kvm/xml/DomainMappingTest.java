package dev.unmanaged.kvm.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unmanaged.api.instance.CpuDescriptor;
import dev.unmanaged.api.instance.DescriptorWarning;
import dev.unmanaged.api.instance.DiskDescriptor;
import dev.unmanaged.api.instance.Firmware;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.NicDescriptor;
import dev.unmanaged.api.instance.WarningCodes;
import dev.unmanaged.kvm.xml.DomainXmlException.Reason;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hand-checked expectations for small documents, one libvirt rule at a time. */
class DomainMappingTest {
    private static final String UUID = "6f1c3c1e-2d7b-4a47-9c55-0b1c6f2a9e01";
    private static final DomainXmlParser PARSER = DomainXmlParser.shared();

    /** A minimal valid domain around {@code body}; {@code body} may add elements at the domain level. */
    private static InstanceDescriptor parse(String body) {
        return PARSER.parse("<domain type='kvm'><name>vm1</name><uuid>" + UUID + "</uuid>"
                + "<memory>1048576</memory>" + body + "</domain>");
    }

    private static InstanceDescriptor parseRaw(String wholeDocument) {
        return PARSER.parse(wholeDocument);
    }

    private static DiskDescriptor disk(String diskXml) {
        return parse("<devices>" + diskXml + "</devices>").disks().get(0);
    }

    private static NicDescriptor nic(String interfaceXml) {
        return parse("<devices>" + interfaceXml + "</devices>").nics().get(0);
    }

    private static DomainXmlException failure(Runnable parse) {
        try {
            parse.run();
        } catch (DomainXmlException e) {
            return e;
        }
        throw new AssertionError("expected a DomainXmlException");
    }

    @Nested
    @DisplayName("identity")
    class Identity {
        @Test
        @DisplayName("a definition is read with kvm, no host, unknown power state and persistence")
        void definitionOnly() {
            InstanceDescriptor d = parse("");
            assertThat(d.name()).isEqualTo("vm1");
            assertThat(d.uuid()).hasToString(UUID);
            assertThat(d.hypervisor()).isEqualTo("kvm");
            assertThat(d.virtualizationType()).isEqualTo("kvm");
            assertThat(d.hostId()).isNull();
            assertThat(d.persistent()).isNull();
            assertThat(d.warnings()).isEmpty();
        }

        @ParameterizedTest
        @CsvSource({"6F1C3C1E-2D7B-4A47-9C55-0B1C6F2A9E01", "6f1c3c1e2d7b4a479c550b1c6f2a9e01",
                "'  6f1c3c1e-2d7b-4a47-9c55-0b1c6f2a9e01  '", "6f1c3c1e-2d7b4a47-9c550b1c-6f2a9e01"})
        @DisplayName("libvirt's UUID spellings are read and shown in lower case")
        void uuidSpellings(String written) {
            InstanceDescriptor d = parseRaw("<domain><name>a</name><uuid>" + written + "</uuid><memory>1</memory></domain>");
            assertThat(d.uuid()).hasToString(UUID);
        }

        @ParameterizedTest
        @CsvSource({"not-a-uuid", "6f1c3c1e-2d7b-4a47-9c55-0b1c6f2a9e0", "6f1c3c1e-2d7b-4a47-9c55-0b1c6f2a9e011",
                "6f1c3c1e-2d7b-4a47-9c55-0b1c6f2a9e0g", "-6f1c3c1e2d7b4a479c550b1c6f2a9e01"})
        @DisplayName("a malformed UUID is an error quoting it")
        void badUuid(String written) {
            DomainXmlException e = failure(() -> parseRaw("<domain><name>a</name><uuid>" + written
                    + "</uuid><memory>1</memory></domain>"));
            assertThat(e.reason()).isEqualTo(Reason.INVALID_VALUE);
            assertThat(e.getMessage()).startsWith("<uuid>: found '" + written.strip() + "'").contains("32 hexadecimal");
        }

        @Test
        @DisplayName("a missing UUID stays absent with a blocking warning")
        void missingUuid() {
            InstanceDescriptor d = parseRaw("<domain><name>a</name><memory>1</memory></domain>");
            assertThat(d.uuid()).isNull();
            assertThat(d.warnings()).singleElement().satisfies(w -> {
                assertThat(w.code()).isEqualTo(WarningCodes.UUID_MISSING);
                assertThat(w.blocksImport()).isTrue();
            });
        }

        @Test
        @DisplayName("two UUIDs, a blank name and no name are errors")
        void ambiguousOrMissing() {
            assertThat(failure(() -> parse("<uuid>" + UUID + "</uuid>")).reason()).isEqualTo(Reason.DUPLICATE_ELEMENT);
            assertThat(failure(() -> parseRaw("<domain><name> </name><memory>1</memory></domain>")).reason())
                    .isEqualTo(Reason.INVALID_VALUE);
            DomainXmlException missing = failure(() -> parseRaw("<domain><memory>1</memory></domain>"));
            assertThat(missing.reason()).isEqualTo(Reason.MISSING_ELEMENT);
            assertThat(missing.getMessage()).contains("<name>");
        }
    }

    @Nested
    @DisplayName("memory")
    class Memory {
        @ParameterizedTest(name = "{1} {0} = {2} bytes")
        @CsvSource({"b,1,1", "bytes,512,512", "B,3,3", "KB,1,1000", "k,1,1024", "KiB,1,1024", "MB,1,1000000",
                "M,1,1048576", "MiB,1,1048576", "mib,2,2097152", "GB,1,1000000000", "G,1,1073741824",
                "GiB,1,1073741824", "TB,1,1000000000000", "T,1,1099511627776", "TiB,1,1099511627776",
                "PB,1,1000000000000000", "P,1,1125899906842624", "PiB,1,1125899906842624",
                "EB,1,1000000000000000000", "E,1,1152921504606846976", "EiB,1,1152921504606846976",
                "EiB,7,8070450532247928832", "b,9223372036854775807,9223372036854775807"})
        @DisplayName("libvirt's scaled-integer units")
        void units(String unit, String value, long bytes) {
            InstanceDescriptor d = parseRaw("<domain><name>a</name><memory unit='" + unit + "'>" + value
                    + "</memory></domain>");
            assertThat(d.memory().maxBytes()).isEqualTo(bytes);
            assertThat(d.memory().currentBytes()).isEqualTo(bytes);
        }

        @Test
        @DisplayName("memory without a unit is KiB")
        void defaultUnit() {
            assertThat(parse("").memory().maxBytes()).isEqualTo(1024L * 1024 * 1024);
        }

        @ParameterizedTest
        @CsvSource({"EiB,8", "b,9223372036854775808", "KiB,99999999999999999999999"})
        @DisplayName("a size beyond 64 bits is an error, never a wrap-around")
        void overflow(String unit, String value) {
            DomainXmlException e = failure(() -> parseRaw("<domain><name>a</name><memory unit='" + unit + "'>"
                    + value + "</memory></domain>"));
            assertThat(e.reason()).isEqualTo(Reason.INVALID_VALUE);
            assertThat(e.getMessage()).startsWith("<memory>").contains(value);
        }

        @Test
        @DisplayName("a non-number names the element, the value and what was expected")
        void notANumber() {
            DomainXmlException e = failure(() -> parseRaw("<domain><name>a</name><memory>abc</memory></domain>"));
            assertThat(e.getMessage()).isEqualTo("<memory>: found 'abc', expected a non-negative whole number of KiB");
            assertThat(e.field()).isEqualTo("<memory>");
            assertThat(e.value()).isEqualTo("abc");
        }

        @Test
        @DisplayName("currentMemory: absent is the maximum; smaller is kept; larger is the maximum (libvirt clamps)")
        void currentMemory() {
            assertThat(parse("").memory().currentBytes()).isEqualTo(1024L * 1024 * 1024);
            assertThat(parse("<currentMemory unit='MiB'>512</currentMemory>").memory().currentBytes())
                    .isEqualTo(512L * 1024 * 1024);
            assertThat(parse("<currentMemory unit='GiB'>4</currentMemory>").memory().currentBytes())
                    .isEqualTo(1024L * 1024 * 1024);
        }

        @Test
        @DisplayName("without <memory> the guest NUMA cells add up to it")
        void numaCells() {
            InstanceDescriptor d = parseRaw("<domain><name>a</name><cpu><numa>"
                    + "<cell id='0' cpus='0' memory='1' unit='GiB'/><cell id='1' cpus='1' memory='524288'/>"
                    + "</numa></cpu></domain>");
            assertThat(d.memory().maxBytes()).isEqualTo((1024L + 512) * 1024 * 1024);
        }

        @Test
        @DisplayName("two <memory> elements are ambiguous")
        void duplicate() {
            assertThat(failure(() -> parse("<memory>1</memory>")).reason()).isEqualTo(Reason.DUPLICATE_ELEMENT);
        }
    }

    @Nested
    @DisplayName("CPU")
    class Cpu {
        @Test
        @DisplayName("no <vcpu> is libvirt's 1; no current means all online")
        void defaults() {
            assertThat(parse("").cpu()).isEqualTo(CpuDescriptor.of(1));
            CpuDescriptor cpu = parse("<vcpu placement='static'>4</vcpu>").cpu();
            assertThat(cpu.vcpus()).isEqualTo(4);
            assertThat(cpu.maxVcpus()).isEqualTo(4);
        }

        @Test
        @DisplayName("<vcpu current> is the online count; <vcpus> enabled states count when current is absent")
        void current() {
            CpuDescriptor cpu = parse("<vcpu current='2'>8</vcpu>").cpu();
            assertThat(cpu.vcpus()).isEqualTo(2);
            assertThat(cpu.maxVcpus()).isEqualTo(8);
            CpuDescriptor hotplug = parse("<vcpu>3</vcpu><vcpus><vcpu id='0' enabled='yes'/>"
                    + "<vcpu id='1' enabled='no'/><vcpu id='2' enabled='yes'/></vcpus>").cpu();
            assertThat(hotplug.vcpus()).isEqualTo(2);
        }

        @ParameterizedTest
        @CsvSource({"<vcpu>0</vcpu>,<vcpu>", "<vcpu>-2</vcpu>,<vcpu>", "<vcpu>many</vcpu>,<vcpu>",
                "<vcpu current='5'>4</vcpu>,<vcpu current>", "<vcpu current='0'>4</vcpu>,<vcpu current>"})
        @DisplayName("invalid vCPU counts are errors naming the field")
        void invalid(String xml, String field) {
            DomainXmlException e = failure(() -> parse(xml));
            assertThat(e.reason()).isEqualTo(Reason.INVALID_VALUE);
            assertThat(e.field()).isEqualTo(field);
        }

        @Test
        @DisplayName("mode, model and topology; dies default to 1")
        void topology() {
            CpuDescriptor cpu = parse("<vcpu>8</vcpu><cpu mode='custom' match='exact'><model fallback='forbid'>"
                    + "Skylake-Client</model><topology sockets='2' cores='2' threads='2'/></cpu>").cpu();
            assertThat(cpu.mode()).isEqualTo("custom");
            assertThat(cpu.model()).isEqualTo("Skylake-Client");
            assertThat(List.of(cpu.sockets(), cpu.dies(), cpu.cores(), cpu.threads())).containsExactly(2, 1, 2, 2);
            assertThat(parse("<vcpu>8</vcpu><cpu mode='host-passthrough'/>").cpu().sockets()).isNull();
            assertThat(parse("<vcpu>8</vcpu><cpu><model>qemu64</model></cpu>").cpu().mode()).isNull();
        }

        @Test
        @DisplayName("a topology that does not multiply to the vCPUs is kept with a blocking warning naming both")
        void topologyMismatch() {
            InstanceDescriptor d = parse("<vcpu>6</vcpu><cpu><topology sockets='1' dies='2' cores='2' threads='2'/></cpu>");
            assertThat(d.cpu().dies()).isEqualTo(2);
            assertThat(d.warnings()).singleElement().satisfies(w -> {
                assertThat(w.code()).isEqualTo(WarningCodes.CPU_TOPOLOGY_MISMATCH);
                assertThat(w.blocksImport()).isTrue();
                assertThat(w.message()).contains("= 8 vCPUs").contains("<vcpu> 6");
            });
            assertThat(parse("<vcpu>8</vcpu><cpu><topology sockets='1' clusters='2' cores='2' threads='2'/></cpu>")
                    .warnings()).isEmpty();
        }

        @Test
        @DisplayName("a topology whose product passes 2^64 is a mismatch even where 64-bit arithmetic wraps to <vcpu>")
        void topologyProductBeyond64Bits() {
            // 20 x 5581 x 8681 x 49477 x 384773 = 2^64 + 4
            InstanceDescriptor d = parse("<vcpu>4</vcpu><cpu><topology sockets='20' dies='5581' clusters='8681'"
                    + " cores='49477' threads='384773'/></cpu>");
            assertThat(d.warnings()).singleElement().satisfies(w -> {
                assertThat(w.code()).isEqualTo(WarningCodes.CPU_TOPOLOGY_MISMATCH);
                assertThat(w.message()).contains("= 18446744073709551620 vCPUs").contains("<vcpu> 4");
            });
        }

        @Test
        @DisplayName("cputune: shares, period, quota; a negative quota is unlimited; 0 is unset")
        void cputune() {
            var tune = parse("<cputune><shares>1024</shares><period>100000</period><quota>50000</quota></cputune>")
                    .cpu().tune();
            assertThat(tune.shares()).isEqualTo(1024L);
            assertThat(tune.periodMicros()).isEqualTo(100_000L);
            assertThat(tune.quotaMicros()).isEqualTo(50_000L);
            assertThat(tune.quotaUnlimited()).isFalse();
            var unlimited = parse("<cputune><quota>-1</quota></cputune>").cpu().tune();
            assertThat(unlimited.quotaUnlimited()).isTrue();
            assertThat(unlimited.quotaMicros()).isNull();
            var unset = parse("<cputune><period>0</period><quota>0</quota></cputune>").cpu().tune();
            assertThat(unset.periodMicros()).isNull();
            assertThat(unset.quotaMicros()).isNull();
            assertThat(parse("<cputune><period>1000</period></cputune>").cpu().tune().periodMicros()).isEqualTo(1000L);
            assertThat(parse("<cputune><period>1000000</period></cputune>").cpu().tune().periodMicros())
                    .isEqualTo(1_000_000L);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "<vcpu>4</vcpu><cputune><shares>8000</shares></cputune>|2000|",
                "<vcpu current='2'>4</vcpu><cputune><shares>4000</shares></cputune>|2000|",
                "<vcpu>3</vcpu><cputune><shares>1000</shares></cputune>|333|",
                "<vcpu>4</vcpu><cputune><shares>2</shares></cputune>||",
                "<vcpu>2</vcpu><cputune><period>100000</period><quota>50000</quota></cputune>||0.5",
                "<vcpu>2</vcpu><cputune><quota>25000</quota></cputune>||0.25",
                "<vcpu>2</vcpu><cputune><shares>2048</shares><quota>-1</quota></cputune>|1024|",
                "<vcpu>2</vcpu>||"})
        @DisplayName("speed per vCPU is shares / online vCPUs (CloudStack's KVM convention); cap is quota / period,"
                + " with the kernel's 100 ms period when none is given")
        void derivedSpeedAndCap(String xml, Integer speedMhz, Double cap) {
            var cpu = parse(xml).cpu();
            assertThat(cpu.speedMhz()).isEqualTo(speedMhz);
            assertThat(cpu.cap()).isEqualTo(cap);
        }

        @ParameterizedTest
        @CsvSource({"<shares>many</shares>,<cputune><shares>", "<shares>-5</shares>,<cputune><shares>",
                "<period>999</period>,<cputune><period>", "<period>1000001</period>,<cputune><period>",
                "<quota>999</quota>,<cputune><quota>", "<quota>17592186044416</quota>,<cputune><quota>",
                "<quota>x</quota>,<cputune><quota>"})
        @DisplayName("out-of-range or non-numeric cputune values are errors")
        void cputuneInvalid(String xml, String field) {
            DomainXmlException e = failure(() -> parse("<cputune>" + xml + "</cputune>"));
            assertThat(e.reason()).isEqualTo(Reason.INVALID_VALUE);
            assertThat(e.field()).isEqualTo(field);
        }
    }

    @Nested
    @DisplayName("OS and firmware")
    class Os {
        @Test
        @DisplayName("type, arch, machine and boot devices in order")
        void basics() {
            var os = parse("<os><type arch='aarch64' machine='virt'>hvm</type><boot dev='cdrom'/><boot dev='hd'/>"
                    + "</os>").os();
            assertThat(os.type()).isEqualTo("hvm");
            assertThat(os.arch()).isEqualTo("aarch64");
            assertThat(os.machine()).isEqualTo("virt");
            assertThat(os.bootOrder()).containsExactly("cdrom", "hd");
            assertThat(os.firmware()).isNull();
            assertThat(os.secureBoot()).isNull();
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "<os firmware='efi'><type>hvm</type></os>|EFI|",
                "<os firmware='bios'><type>hvm</type></os>|BIOS|",
                "<os><loader readonly='yes' type='pflash'>/usr/share/OVMF/OVMF_CODE.fd</loader></os>|EFI|",
                "<os><loader readonly='yes' secure='yes' type='pflash'>/x/OVMF_CODE.secboot.fd</loader></os>|EFI|true",
                "<os><loader type='pflash' secure='no'>/path/to/uefi/loader</loader></os>|EFI|false",
                "<os><loader>/usr/share/AAVMF/AAVMF_CODE.fd</loader></os>|EFI|",
                "<os><loader type='rom'>/usr/share/seabios/bios-256k.bin</loader></os>|BIOS|",
                "<os><loader>/usr/lib/xen/boot/hvmloader</loader></os>||",
                "<os firmware='efi'><firmware><feature enabled='yes' name='secure-boot'/></firmware></os>|EFI|true",
                "<os firmware='efi'><firmware><feature enabled='no' name='secure-boot'/></firmware></os>|EFI|false",
                "<os><type>hvm</type></os>||"})
        @DisplayName("firmware from <os firmware> or the loader; secure boot from the loader or firmware feature")
        void firmware(String os, Firmware firmware, Boolean secureBoot) {
            var descriptor = parse(os).os();
            assertThat(descriptor.firmware()).isEqualTo(firmware);
            assertThat(descriptor.secureBoot()).isEqualTo(secureBoot);
        }

        @Test
        @DisplayName("an unknown firmware value is kept out with an informational warning")
        void unknownFirmware() {
            InstanceDescriptor d = parse("<os firmware='coreboot'/>");
            assertThat(d.os().firmware()).isNull();
            assertThat(d.warnings()).singleElement().satisfies(w -> {
                assertThat(w.code()).isEqualTo(WarningCodes.UNMODELLED);
                assertThat(w.blocksImport()).isFalse();
                assertThat(w.message()).contains("coreboot");
            });
        }
    }

    @Nested
    @DisplayName("disks")
    class Disks {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "file|<disk type='file' device='disk'><source file='/img/a.qcow2'/><target dev='vda'/></disk>|/img/a.qcow2",
                "block|<disk type='block' device='lun'><source dev='/dev/sdb'/><target dev='sda'/></disk>|/dev/sdb",
                "dir|<disk type='dir' device='floppy'><source dir='/srv/floppy'/><target dev='fda'/></disk>|/srv/floppy",
                "volume|<disk type='volume'><source pool='default' volume='vm1.qcow2'/><target dev='vdb'/></disk>|default/vm1.qcow2",
                "nvme|<disk type='nvme' device='disk'><source type='pci' managed='yes' namespace='1'><address domain='0x0001' bus='0x02' slot='0x00' function='0x0'/></source><target dev='vdc'/></disk>|0001:02:00.0/1",
                "vhostuser|<disk type='vhostuser' device='disk'><source type='unix' path='/tmp/vhost-blk.sock'/><target dev='vdd'/></disk>|/tmp/vhost-blk.sock",
                "vhostvdpa|<disk type='vhostvdpa' device='disk'><source dev='/dev/vhost-vdpa-0'/><target dev='vde'/></disk>|/dev/vhost-vdpa-0",
                "future|<disk type='future' device='disk'><source path='/x/y'/><target dev='vdf'/></disk>|/x/y"})
        @DisplayName("every disk type has its source")
        void sources(String type, String xml, String source) {
            DiskDescriptor disk = disk(xml);
            assertThat(disk.type()).isEqualTo(type);
            assertThat(disk.source()).isEqualTo(source);
        }

        @Test
        @DisplayName("a network disk has protocol, image name without query, and host:port list")
        void network() {
            DiskDescriptor disk = disk("<disk type='network' device='disk'><driver name='qemu' type='raw'/>"
                    + "<source protocol='http' name='/images/a.iso?token=abc'><host name='h1' port='80'/>"
                    + "<host name='h2'/><host transport='unix' socket='/run/nbd.sock'/></source>"
                    + "<target dev='vda' bus='virtio'/></disk>");
            assertThat(disk.protocol()).isEqualTo("http");
            assertThat(disk.source()).isEqualTo("/images/a.iso");
            assertThat(disk.hosts()).containsExactly("h1:80", "h2", "/run/nbd.sock");
            assertThat(disk.toString()).doesNotContain("token");
        }

        @Test
        @DisplayName("device, format, cache, target, serial, flags and boot order as written; unknown values kept")
        void details() {
            DiskDescriptor disk = disk("<disk type='file' device='cdrom'><driver name='qemu' type='vmdk' "
                    + "cache='directsync'/><source file='/a.iso'/><target dev='hdc' bus='futurebus'/>"
                    + "<serial>SN1</serial><readonly/><shareable/><boot order='2'/><iotune><x/></iotune></disk>");
            assertThat(disk.device()).isEqualTo("cdrom");
            assertThat(disk.driverType()).isEqualTo("vmdk");
            assertThat(disk.cache()).isEqualTo("directsync");
            assertThat(disk.deviceName()).isEqualTo("hdc");
            assertThat(disk.bus()).isEqualTo("futurebus");
            assertThat(disk.serial()).isEqualTo("SN1");
            assertThat(disk.readOnly()).isTrue();
            assertThat(disk.shareable()).isTrue();
            assertThat(disk.bootOrder()).isEqualTo(2);
            assertThat(disk.capacityBytes()).isNull();
        }

        @Test
        @DisplayName("without type and device attributes a disk is libvirt's file disk; an empty drive has no source")
        void defaultsAndEmptyDrive() {
            DiskDescriptor plain = disk("<disk><source file='/a.img'/><target dev='vda'/></disk>");
            assertThat(plain.type()).isEqualTo("file");
            assertThat(plain.device()).isEqualTo("disk");
            DiskDescriptor empty = disk("<disk type='file' device='cdrom'><target dev='sdc' bus='sata'/></disk>");
            assertThat(empty.source()).isNull();
            assertThat(empty.hosts()).isEmpty();
        }

        @Test
        @DisplayName("two disks on one target are both kept with a blocking warning naming the target")
        void duplicateTarget() {
            InstanceDescriptor d = parse("<devices><disk><source file='/a'/><target dev='vda'/></disk>"
                    + "<disk><source file='/b'/><target dev='vda'/></disk><disk><target dev='vdb'/></disk></devices>");
            assertThat(d.disks()).hasSize(3);
            assertThat(d.warnings()).singleElement().satisfies(w -> {
                assertThat(w.code()).isEqualTo(WarningCodes.DUPLICATE_DISK_TARGET);
                assertThat(w.blocksImport()).isTrue();
                assertThat(w.message()).contains("vda").contains("[1, 2]");
            });
        }

        @Test
        @DisplayName("an invalid boot order names the disk")
        void badBootOrder() {
            DomainXmlException e = failure(() -> disk("<disk><target dev='vda'/><boot order='first'/></disk>"));
            assertThat(e.reason()).isEqualTo(Reason.INVALID_VALUE);
            assertThat(e.field()).contains("vda").contains("<boot order>");
        }
    }

    @Nested
    @DisplayName("network interfaces")
    class Nics {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "bridge|<source bridge='br0'/>|br0",
                "network|<source network='default' portgroup='pg'/>|default",
                "direct|<source dev='eth0' mode='vepa'/>|eth0",
                "hostdev|<source><address type='pci' domain='0x0000' bus='0x03' slot='0x10' function='0x2'/></source>|0000:03:10.2",
                "vhostuser|<source type='unix' path='/run/vhost.sock' mode='server'/>|/run/vhost.sock",
                "vdpa|<source dev='/dev/vhost-vdpa-0'/>|/dev/vhost-vdpa-0",
                "ethernet|<target dev='tap0'/>|",
                "user||",
                "mcast|<source address='230.0.0.1' port='5558'/>|",
                "futuristic|<source thing='x'/>|"})
        @DisplayName("every interface type is kept, with the source the type defines")
        void types(String type, String inner, String source) {
            NicDescriptor nic = nic("<interface type='" + type + "'>" + (inner == null ? "" : inner) + "</interface>");
            assertThat(nic.type()).isEqualTo(type);
            assertThat(nic.source()).isEqualTo(source);
        }

        @Test
        @DisplayName("MAC in lower case, model, VLAN tags, virtual port, target and boot order")
        void details() {
            NicDescriptor nic = nic("<interface type='bridge'><mac address='52:54:0:AB:c:D1'/><source bridge='br0'/>"
                    + "<vlan trunk='yes'><tag id='42'/><tag id='47' nativeMode='untagged'/></vlan>"
                    + "<virtualport type='openvswitch'><parameters interfaceid='x'/></virtualport>"
                    + "<target dev='vnet7'/><model type='e1000e'/><boot order='1'/></interface>");
            assertThat(nic.mac()).isEqualTo("52:54:00:ab:0c:d1");
            assertThat(nic.model()).isEqualTo("e1000e");
            assertThat(nic.vlanTags()).containsExactly(42, 47);
            assertThat(nic.switchPortType()).isEqualTo("openvswitch");
            assertThat(nic.hostDeviceName()).isEqualTo("vnet7");
            assertThat(nic.bootOrder()).isEqualTo(1);
            NicDescriptor bare = nic("<interface type='user'/>");
            assertThat(bare.mac()).isNull();
            assertThat(bare.model()).isNull();
            assertThat(bare.vlanTags()).isEmpty();
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {"<mac address='52:54:00:zz:00:01'/>|<interface><mac address>",
                "<mac address='52:54:00:00:01'/>|<interface><mac address>",
                "<mac address='52:54:00:00:00:01'/><vlan><tag id='4096'/></vlan>|<interface> with MAC 52:54:00:00:00:01 <vlan><tag id>"})
        @DisplayName("a malformed MAC or VLAN id is an error naming the field")
        void invalid(String inner, String field) {
            DomainXmlException e = failure(() -> nic("<interface type='network'>" + inner + "</interface>"));
            assertThat(e.reason()).isEqualTo(Reason.INVALID_VALUE);
            assertThat(e.field()).isEqualTo(field);
        }

        @Test
        @DisplayName("a MAC shared in any letter case keeps both NICs with a blocking warning naming the MAC")
        void duplicateMac() {
            InstanceDescriptor d = parse("<devices><interface type='network'><mac address='52:54:00:AA:BB:CC'/>"
                    + "</interface><interface type='bridge'><mac address='52:54:00:aa:bb:cc'/></interface></devices>");
            assertThat(d.nics()).hasSize(2);
            assertThat(d.warnings()).extracting(DescriptorWarning::code).containsExactly(WarningCodes.DUPLICATE_MAC);
            assertThat(d.warnings().get(0).message()).contains("52:54:00:aa:bb:cc");
            assertThat(d.hasBlockingWarning()).isTrue();
        }
    }

    @Nested
    @DisplayName("graphics and devices")
    class Graphics {
        @Test
        @DisplayName("type, port, listen address and whether a password is set")
        void graphics() {
            var list = parse("<devices><graphics type='vnc' port='5901' listen='0.0.0.0' passwd='x'/>"
                    + "<graphics type='spice' port='-1' autoport='yes'><listen type='address' address='::1'/></graphics>"
                    + "<graphics type='vnc' passwd=''/><graphics type='egl-headless'/></devices>").graphics();
            assertThat(list).hasSize(4);
            assertThat(list.get(0)).satisfies(g -> {
                assertThat(g.port()).isEqualTo(5901);
                assertThat(g.listen()).isEqualTo("0.0.0.0");
                assertThat(g.passwordSet()).isTrue();
            });
            assertThat(list.get(1)).satisfies(g -> {
                assertThat(g.port()).isNull();
                assertThat(g.listen()).isEqualTo("::1");
                assertThat(g.passwordSet()).isFalse();
            });
            assertThat(list.get(2).passwordSet()).isFalse();
            assertThat(list.get(3).type()).isEqualTo("egl-headless");
        }

        @Test
        @DisplayName("an invalid port is an error that never quotes the password")
        void badPort() {
            DomainXmlException e = failure(() -> parse("<devices><graphics type='vnc' port='59o1' passwd='hunter2'/>"
                    + "</devices>"));
            assertThat(e.reason()).isEqualTo(Reason.INVALID_VALUE);
            assertThat(e.getMessage()).contains("59o1").doesNotContain("hunter2");
        }

        @Test
        @DisplayName("devices of a second <devices> element are kept, unknown elements ignored")
        void secondDevicesElement() {
            InstanceDescriptor d = parse("<devices><disk><target dev='vda'/></disk><hub type='usb'/></devices>"
                    + "<futureThing a='b'><nested/></futureThing>"
                    + "<devices><interface type='user'/><disk><target dev='vdb'/></disk></devices>");
            assertThat(d.disks()).extracting(DiskDescriptor::deviceName).containsExactly("vda", "vdb");
            assertThat(d.nics()).hasSize(1);
        }
    }

    @Nested
    @DisplayName("the parser")
    class Parser {
        @Test
        @DisplayName("one shared parser gives the same descriptors from many threads at once")
        void threadSafe() throws Exception {
            List<java.nio.file.Path> files = Corpus.documents().stream()
                    .filter(doc -> !KnownCorpusFailures.FAILURES.containsKey(doc.relativePath()))
                    .limit(300).map(Corpus.Document::path).toList();
            List<InstanceDescriptor> sequential = files.stream().map(PARSER::parse).toList();
            var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            try {
                var futures = files.stream().map(f -> pool.submit(() -> PARSER.parse(f))).toList();
                for (int i = 0; i < files.size(); i++) {
                    assertThat(futures.get(i).get()).isEqualTo(sequential.get(i));
                }
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        @DisplayName("a refused document leaves nothing behind for the next one on the same thread")
        void failuresDoNotLeak() {
            String good = "<domain><name>after</name><memory>1</memory><devices><disk><target dev='vda'/></disk>"
                    + "</devices></domain>";
            List<String> bad = List.of("<domain><name>cut", "<!DOCTYPE domain []><domain/>", "<network/>",
                    "<domain><name>a</name><memory>x</memory></domain>", "<domain/><domain/>", "");
            for (int round = 0; round < 3; round++) {
                for (String broken : bad) {
                    assertThatThrownBy(() -> PARSER.parse(broken)).isInstanceOf(DomainXmlException.class);
                    assertThatThrownBy(() -> PARSER.parse(broken.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                            .isInstanceOf(DomainXmlException.class);
                    InstanceDescriptor d = PARSER.parse(good.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    assertThat(d.name()).isEqualTo("after");
                    assertThat(d.disks()).extracting(DiskDescriptor::deviceName).containsExactly("vda");
                    assertThat(PARSER.parse(good).name()).isEqualTo("after");
                }
            }
        }

        @Test
        @DisplayName("a domain in a namespace is the wrong root")
        void namespacedRoot() {
            assertThatThrownBy(() -> PARSER.parse("<domain xmlns='urn:x'><name>a</name></domain>"))
                    .isInstanceOfSatisfying(DomainXmlException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_ROOT));
        }

        @Test
        @DisplayName("256 levels of nesting parse, 257 are refused")
        void depthLimit() {
            String open = "<x>".repeat(254);
            String close = "</x>".repeat(254);
            String ok = "<domain><name>a</name><memory>1</memory><metadata>" + open + close + "</metadata></domain>";
            assertThat(PARSER.parse(ok).name()).isEqualTo("a");
            String deep = "<domain><name>a</name><metadata>" + open + "<x/>" + close + "</metadata></domain>";
            assertThatThrownBy(() -> PARSER.parse(deep)).isInstanceOfSatisfying(DomainXmlException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.LIMIT_EXCEEDED));
        }
    }
}
