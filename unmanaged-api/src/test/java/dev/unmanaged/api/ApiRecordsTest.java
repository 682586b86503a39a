package dev.unmanaged.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unmanaged.api.error.ErrorCode;
import dev.unmanaged.api.error.InvalidDefinitionException;
import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.instance.CpuDescriptor;
import dev.unmanaged.api.instance.DescriptorWarning;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.MemoryDescriptor;
import dev.unmanaged.api.instance.NicDescriptor;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.api.inventory.AddressRange;
import dev.unmanaged.api.inventory.ComputeOffering;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.IpAssignment;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ApiRecordsTest {
    private static InstanceDescriptor descriptor(UUID uuid, List<DescriptorWarning> warnings) {
        return new InstanceDescriptor(uuid, "vm1", null, "kvm", "kvm", null, null, CpuDescriptor.of(1),
                MemoryDescriptor.ofMebibytes(512), null, null, null, null, warnings, null);
    }

    @Test
    @DisplayName("collections are copied, unmodifiable, and never null")
    void collections() {
        List<DescriptorWarning> warnings = new ArrayList<>();
        InstanceDescriptor d = descriptor(UUID.randomUUID(), warnings);
        warnings.add(DescriptorWarning.info("X", "late"));

        assertThat(d.warnings()).isEmpty();
        assertThat(d.disks()).isEmpty();
        assertThat(d.powerState()).isEqualTo(PowerState.UNKNOWN);
        assertThatThrownBy(() -> d.nics().add(null)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("an instance is identified by its UUID in any letter case, or by its exact name")
    void identity() {
        UUID uuid = UUID.fromString("4dea22b3-1d52-d8f3-2516-782e98ab3fa0");
        InstanceDescriptor d = descriptor(uuid, List.of());

        assertThat(d.isIdentifiedBy("4DEA22B3-1D52-D8F3-2516-782E98AB3FA0")).isTrue();
        assertThat(d.isIdentifiedBy("vm1")).isTrue();
        assertThat(d.isIdentifiedBy("VM1")).isFalse();
        assertThat(descriptor(null, List.of()).isIdentifiedBy("vm1")).isTrue();
    }

    @Test
    @DisplayName("the identity rule takes the UUID without surrounding spaces and only in its canonical form")
    void identityRule() {
        UUID uuid = UUID.fromString("0000000a-000b-000c-000d-00000000000e");

        assertThat(InstanceDescriptor.identifies("vm1", uuid, " 0000000A-000B-000C-000D-00000000000E ")).isTrue();
        assertThat(InstanceDescriptor.identifies("vm1", uuid, "a-b-c-d-e")).isFalse();
        assertThat(InstanceDescriptor.identifies("vm1", uuid, " vm1")).isFalse();
        assertThat(InstanceDescriptor.identifies("vm1", null, null)).isFalse();
    }

    @Test
    @DisplayName("a blocking warning is visible on the descriptor")
    void blockingWarnings() {
        assertThat(descriptor(null, List.of(DescriptorWarning.blocking("UUID_MISSING", "no uuid")))
                .hasBlockingWarning()).isTrue();
        assertThat(descriptor(null, List.of(DescriptorWarning.info("UNMODELLED", "x"))).hasBlockingWarning())
                .isFalse();
    }

    @Test
    @DisplayName("impossible CPU and memory values are refused")
    void invalidValues() {
        assertThatThrownBy(() -> CpuDescriptor.of(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MemoryDescriptor(1024, 2048)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ComputeOffering("o", "o", false, 1, 2, 1, 1, Set.of()))
                .hasMessageContaining("fixed offering o");
    }

    @Test
    @DisplayName("a CPU speed below 1 MHz, a cap of 0 or less, and an offering's inverted speed bounds are refused")
    void invalidCpuSizing() {
        assertThatThrownBy(() -> CpuDescriptor.of(1).withSizing(0, null)).hasMessageContaining("speedMhz")
                .hasMessageContaining("got 0");
        assertThatThrownBy(() -> CpuDescriptor.of(1).withSizing(null, 0.0)).hasMessageContaining("cap");
        assertThatThrownBy(() -> ComputeOffering.custom("c", "c", 1, 2, 1, 2).withCpuSpeed(3000, 2000))
                .hasMessageContaining("offering c").hasMessageContaining("3000-2000");
        assertThatThrownBy(() -> ComputeOffering.fixed("f", "f", 1, 1).withCpuSpeed(1000, null))
                .hasMessageContaining("fixed offering f");
        assertThat(ComputeOffering.fixed("f", "f", 1, 1).withCpuSpeed(2000, 2000).withCpuCapped(true)
                .restrictedTo(Set.of("acme"))).extracting(ComputeOffering::minSpeedMhz, ComputeOffering::cpuCapped)
                .containsExactly(2000, true);
    }

    @Test
    @DisplayName("MACs are kept in lower case")
    void macLowerCase() {
        assertThat(new NicDescriptor("bridge", "52:54:00:AB:CD:EF", null, null, null, null, null, null).mac())
                .isEqualTo("52:54:00:ab:cd:ef");
    }

    @Test
    @DisplayName("an address range checks membership and hands out addresses by offset")
    void addressRange() {
        AddressRange range = new AddressRange("10.0.0.250", "10.0.1.5");

        assertThat(range.size()).isEqualTo(12);
        assertThat(range.contains("10.0.1.0")).isTrue();
        assertThat(range.contains("10.0.1.6")).isFalse();
        assertThat(range.contains("10.0.0.256")).isFalse();
        assertThat(range.contains("010.0.0.251")).isFalse();
        assertThat(range.addressAt(6)).isEqualTo("10.0.1.0");
        assertThatThrownBy(() -> new AddressRange("10.0.0.9", "10.0.0.1")).hasMessageContaining("reversed");
    }

    @Test
    @DisplayName("an IP assignment is 'auto', 'current' or a valid address; anything else is a typed request error")
    void ipAssignment() {
        assertThat(IpAssignment.parse("AUTO")).isEqualTo(IpAssignment.auto());
        assertThat(IpAssignment.parse("Current")).isEqualTo(IpAssignment.current());
        assertThat(IpAssignment.current()).hasToString("current");
        assertThat(IpAssignment.parse("10.1.2.3")).isEqualTo(IpAssignment.fixed("10.1.2.3"));
        assertThatThrownBy(() -> IpAssignment.parse("10.1.2"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("'10.1.2'").hasMessageContaining("IPv4").hasMessageContaining("'current'");
    }

    @Test
    @DisplayName("an import request keys NICs by lower-case MAC")
    void requestKeys() {
        ImportRequest request = ImportRequest.builder(Host.kvm("test:///default"), "vm1")
                .network("52:54:00:AA:BB:CC", "net1").ip("52:54:00:AA:BB:CC", IpAssignment.auto()).build();

        assertThat(request.networkByMac()).containsKey("52:54:00:aa:bb:cc");
        assertThat(request.ipByMac()).containsKey("52:54:00:aa:bb:cc");
    }

    @Test
    @DisplayName("a definition error names the field, the value and the expectation, and shortens long values")
    void definitionError() {
        var error = new InvalidDefinitionException("<memory>", "abc", "a non-negative integer");
        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_DEFINITION);
        assertThat(error.getMessage()).isEqualTo("<memory>: found 'abc', expected a non-negative integer");
        assertThat(new InvalidDefinitionException("<name>", "x".repeat(500), "a name").getMessage().length())
                .isLessThan(150);
    }
}
