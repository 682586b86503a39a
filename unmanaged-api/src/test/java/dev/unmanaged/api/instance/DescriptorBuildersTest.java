package dev.unmanaged.api.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Building descriptors")
class DescriptorBuildersTest {
    private static final UUID ID = UUID.fromString("4dea22b3-1d52-d8f3-2516-782e98ab3fa0");

    private static DiskDescriptor scsiDisk() {
        return DiskDescriptor.builder().driverType("vmdk").source("[datastore1] web/web.vmdk").deviceName("scsi0:1")
                .bus("scsi").serial("S1").bootOrder(1).capacityBytes(10L).allocationBytes(4L).provisioning("thin")
                .mode("independent_persistent").build();
    }

    private static InstanceDescriptor full() {
        return InstanceDescriptor.builder().uuid(ID).name("web").hostId("h1").hypervisor("vsphere")
                .virtualizationType("vmx-19").powerState(PowerState.RUNNING).persistent(true)
                .cpu(CpuDescriptor.of(2)).memory(MemoryDescriptor.ofMebibytes(512))
                .os(new OsDescriptor("hvm", "x86_64", null, Firmware.EFI, true, List.of("hd")))
                .disk(scsiDisk())
                .nic(new NicDescriptor("bridge", "00:50:56:AA:BB:CC", "vmxnet3", "VM Network", List.of(), null, null,
                        null))
                .graphics(new GraphicsDescriptor("vnc", null, null, false))
                .warning(DescriptorWarning.info(WarningCodes.UNMODELLED, "x"))
                .biosUuid(UUID.fromString("564d0000-0000-0000-0000-000000000001"))
                .cpuAllocation(new ResourceAllocation(1000L, 2000L, 4000L))
                .memoryAllocation(new ResourceAllocation(512L << 20, null, null)).build();
    }

    @Test
    @DisplayName("the constructors without the newer components leave them null")
    void olderConstructors() {
        DiskDescriptor disk = new DiskDescriptor("disk", "file", null, null, "/d", null, List.of(), "vda", null, null,
                false, false, null, null, null);
        InstanceDescriptor instance = new InstanceDescriptor(ID, "web", null, "kvm", null, PowerState.RUNNING, true,
                CpuDescriptor.of(1), MemoryDescriptor.ofMebibytes(1), null, List.of(disk), List.of(), List.of(),
                List.of(), null);

        assertThat(disk.provisioning()).isNull();
        assertThat(disk.mode()).isNull();
        assertThat(instance.biosUuid()).isNull();
        assertThat(instance.cpuAllocation()).isNull();
        assertThat(instance.memoryAllocation()).isNull();
    }

    @Test
    @DisplayName("a resource allocation refuses a negative reservation, limit or shares, naming it")
    void negativeAllocation() {
        assertThatThrownBy(() -> new ResourceAllocation(-1L, null, null))
                .hasMessageContaining("reservation").hasMessageContaining("-1");
        assertThatThrownBy(() -> new ResourceAllocation(null, -2L, null))
                .hasMessageContaining("limit").hasMessageContaining("-2");
        assertThatThrownBy(() -> new ResourceAllocation(null, null, -3L))
                .hasMessageContaining("shares").hasMessageContaining("-3");
    }

    @Test
    @DisplayName("a disk builder starts as a file disk and sets every component")
    void diskBuilder() {
        DiskDescriptor disk = scsiDisk();

        assertThat(disk).isEqualTo(new DiskDescriptor("disk", "file", "vmdk", null, "[datastore1] web/web.vmdk",
                null, List.of(), "scsi0:1", "scsi", "S1", false, false, 1, 10L, 4L, "thin", "independent_persistent"));
        assertThat(DiskDescriptor.builder().device("cdrom").readOnly(true).shareable(true).build())
                .extracting(DiskDescriptor::device, DiskDescriptor::readOnly, DiskDescriptor::shareable)
                .containsExactly("cdrom", true, true);
    }

    @Test
    @DisplayName("toBuilder().build() gives an equal disk and an equal instance")
    void roundTrips() {
        assertThat(scsiDisk().toBuilder().build()).isEqualTo(scsiDisk());
        InstanceDescriptor d = full();
        assertThat(d.toBuilder().build()).isEqualTo(d);
    }

    @Test
    @DisplayName("the instance builder leaves state and OS unknown and the lists empty unless set")
    void instanceDefaults() {
        InstanceDescriptor d = InstanceDescriptor.builder().name("vm").hypervisor("kvm").cpu(CpuDescriptor.of(1))
                .memory(MemoryDescriptor.ofBytes(1)).build();

        assertThat(d.powerState()).isEqualTo(PowerState.UNKNOWN);
        assertThat(d.os()).isEqualTo(OsDescriptor.UNKNOWN);
        assertThat(d.uuid()).isNull();
        assertThat(d.virtualizationType()).isNull();
        assertThat(d.disks()).isEmpty();
        assertThat(d.warnings()).isEmpty();
    }

    @Test
    @DisplayName("the instance builder validates as the constructor does, naming what is missing")
    void instanceValidation() {
        assertThatThrownBy(() -> InstanceDescriptor.builder().name("vm").cpu(CpuDescriptor.of(1))
                .memory(MemoryDescriptor.ofBytes(1)).build())
                .isInstanceOf(NullPointerException.class).hasMessage("hypervisor");
        assertThatThrownBy(() -> InstanceDescriptor.builder().name("vm").hypervisor("kvm").build())
                .isInstanceOf(NullPointerException.class).hasMessage("cpu");
    }

    @Test
    @DisplayName("a builder does not share its lists with what it built")
    void builderListsAreCopied() {
        InstanceDescriptor.Builder builder = full().toBuilder();
        InstanceDescriptor before = builder.build();
        builder.disk(scsiDisk()).warnings(List.of());

        assertThat(before.disks()).hasSize(1);
        assertThat(before.warnings()).hasSize(1);
        assertThat(builder.build().disks()).hasSize(2);
    }

    @Test
    @DisplayName("with-helpers change one thing and keep the rest")
    void withHelpers() {
        InstanceDescriptor d = full();
        DescriptorWarning extra = DescriptorWarning.blocking(WarningCodes.DISK_SIZE_UNKNOWN, "y");

        assertThat(d.onHost("h2", PowerState.STOPPED, false))
                .isEqualTo(d.toBuilder().hostId("h2").powerState(PowerState.STOPPED).persistent(false).build());
        assertThat(d.withWarnings(List.of(extra)).warnings()).containsExactly(d.warnings().get(0), extra);
        assertThat(d.withWarnings(List.of())).isSameAs(d);
        assertThat(d.withDisks(List.of()).disks()).isEmpty();
        assertThat(scsiDisk().withSizes(null, 7L)).extracting(DiskDescriptor::capacityBytes,
                DiskDescriptor::allocationBytes).containsExactly(null, 7L);
    }

    @Test
    @DisplayName("an unreadable definition keeps what the API reported and blocks import with the reason")
    void unreadableWithFacts() {
        InstanceDescriptor d = InstanceDescriptor.definitionUnreadable("kvm", "vm", ID, CpuDescriptor.of(4),
                MemoryDescriptor.ofMebibytes(1024), "the definition could not be read: bad <memory>");

        assertThat(d.cpu().vcpus()).isEqualTo(4);
        assertThat(d.memory().maxBytes()).isEqualTo(1024L * 1024 * 1024);
        assertThat(d.uuid()).isEqualTo(ID);
        assertThat(d.powerState()).isEqualTo(PowerState.UNKNOWN);
        assertThat(d.disks()).isEmpty();
        assertThat(d.warnings()).containsExactly(DescriptorWarning.blocking(WarningCodes.DEFINITION_UNREADABLE,
                "the definition could not be read: bad <memory>"));
        assertThat(d.hasBlockingWarning()).isTrue();
    }

    @Test
    @DisplayName("an unreadable definition without CPU or memory gets placeholders that a blocking warning names")
    void unreadableWithPlaceholders() {
        InstanceDescriptor d = InstanceDescriptor.definitionUnreadable("kvm", "vm", null, CpuDescriptor.of(4), null,
                "gone");

        assertThat(d.cpu()).isEqualTo(CpuDescriptor.of(1));
        assertThat(d.memory()).isEqualTo(MemoryDescriptor.ofBytes(1));
        assertThat(d.warnings()).extracting(DescriptorWarning::code)
                .containsExactly(WarningCodes.DEFINITION_UNREADABLE, WarningCodes.DETAIL_UNAVAILABLE);
        assertThat(d.warnings()).allMatch(DescriptorWarning::blocksImport);
    }
}
