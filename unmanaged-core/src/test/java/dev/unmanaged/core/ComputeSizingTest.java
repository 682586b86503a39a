package dev.unmanaged.core;

import static dev.unmanaged.core.Fixtures.GIB;
import static dev.unmanaged.core.Fixtures.H1;
import static dev.unmanaged.core.Fixtures.mac;
import static dev.unmanaged.core.Fixtures.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.unmanaged.api.instance.CpuDescriptor;
import dev.unmanaged.api.instance.CpuTune;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.MemoryDescriptor;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.api.inventory.ManagedCpu;
import dev.unmanaged.api.operation.ImportPlan;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.Problem;
import dev.unmanaged.api.operation.ProblemCode;
import dev.unmanaged.api.operation.Severity;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("Sizing an import against its compute offering")
class ComputeSizingTest {
    private final Workbench bench = new Workbench();

    @AfterEach
    void tearDown() {
        bench.close();
    }

    /** One vCPU of 1000 MHz (shares 1000), 1 GiB, a 1 x 1 x 1 x 1 host-model topology, optionally capped. */
    private static InstanceDescriptor oneVcpu(PowerState state, Double cap) {
        InstanceDescriptor vm = Fixtures.vm("vm", uuid(1), 1, GIB, List.of(mac(1)),
                List.of("/var/lib/libvirt/images/vm.qcow2"), List.of());
        CpuTune tune = new CpuTune(1000L, cap == null ? null : 100_000L, cap == null ? null : (long) (cap * 100_000),
                false);
        return vm.toBuilder().powerState(state)
                .cpu(new CpuDescriptor(1, 1, "host-model", "EPYC", 1, 1, 1, 1, tune, 1000, cap)).build();
    }

    private ImportPlan plan(InstanceDescriptor vm, String offering) {
        Fixtures.put(bench.provider, H1, vm);
        ImportRequest request = Fixtures.cleanRequest(H1, 1).offering(offering).build();
        return bench.instances.plan(request);
    }

    private static String message(ImportPlan plan, ProblemCode code) {
        return plan.problems().stream().filter(p -> p.code() == code).findFirst().orElseThrow().message();
    }

    @ParameterizedTest
    @EnumSource(value = PowerState.class, names = {"RUNNING", "PAUSED", "SUSPENDED", "UNKNOWN"})
    @DisplayName("a fixed offering whose vCPUs, memory and speed differ blocks while the instance is not stopped,"
            + " one problem each, in plain English")
    void notStoppedBlocks(PowerState state) {
        ImportPlan plan = plan(oneVcpu(state, null), "fast");

        assertThat(plan.importable()).isFalse();
        assertThat(plan.problems()).extracting(Problem::code, Problem::severity).containsExactlyInAnyOrder(
                tuple(ProblemCode.OFFERING_CPU_MISMATCH, Severity.BLOCK),
                tuple(ProblemCode.OFFERING_MEMORY_MISMATCH, Severity.BLOCK),
                tuple(ProblemCode.OFFERING_CPU_SPEED_MISMATCH, Severity.BLOCK));
        assertThat(message(plan, ProblemCode.OFFERING_CPU_MISMATCH)).startsWith("vCPUs differ: instance has 1,")
                .contains("an offering of exactly 1 vCPU,").doesNotContain("1 vCPUs")
                .contains("power state is " + state.name().toLowerCase());
        assertThat(message(plan, ProblemCode.OFFERING_CPU_SPEED_MISMATCH))
                .startsWith("CPU speed per vCPU differs: instance has 1000 MHz, offering 'fast' (Fast) has 2000 MHz");
        assertThat(plan.proposed().resizePendingAtStart()).as("a refused difference is no resize").isFalse();
    }

    @Test
    @DisplayName("a stopped instance is recorded with the fixed offering's size, with one warning of what changes at"
            + " its next start")
    void stoppedResizesOnStart() {
        ImportPlan plan = plan(oneVcpu(PowerState.STOPPED, null), "fast");

        assertThat(plan.importable()).isTrue();
        assertThat(plan.problems()).extracting(Problem::code, Problem::severity)
                .containsExactly(tuple(ProblemCode.OFFERING_RESIZE_ON_START, Severity.WARN));
        assertThat(message(plan, ProblemCode.OFFERING_RESIZE_ON_START)).isEqualTo("instance is stopped; recorded"
                + " with the size of offering 'fast' (Fast), which it takes at its next start: vCPUs from 1 to 2,"
                + " memory from 1024 MiB (1073741824 bytes) to 2048 MiB (2147483648 bytes), CPU speed per vCPU"
                + " from 1000 MHz to 2000 MHz");
        assertThat(plan.proposed()).satisfies(record -> {
            assertThat(record.vcpus()).isEqualTo(2);
            assertThat(record.memoryBytes()).isEqualTo(2 * GIB);
            assertThat(record.cpu().speedMhz()).isEqualTo(2000);
            assertThat(record.resizePendingAtStart()).isTrue();
        });
    }

    @Test
    @DisplayName("an instance that matches its fixed offering is recorded with its topology, mode, model and speed,"
            + " and no resize pending")
    void matchingKeepsTopology() {
        InstanceDescriptor vm = oneVcpu(PowerState.RUNNING, null);
        vm = vm.toBuilder().memory(MemoryDescriptor.ofBytes(2 * GIB))
                .cpu(new CpuDescriptor(2, 2, "host-passthrough", null, 1, 1, 1, 2, new CpuTune(4000L, null, null,
                        false), 2000, null)).build();

        ImportPlan plan = plan(vm, "fast");

        assertThat(plan.problems()).isEmpty();
        assertThat(plan.proposed().cpu()).isEqualTo(new ManagedCpu(1, 1, 1, 2, "host-passthrough", null, 2000, null));
        assertThat(plan.proposed().resizePendingAtStart()).isFalse();
    }

    @Test
    @DisplayName("without a derived speed, a fixed offering's speed is a warning and is recorded")
    void unknownSpeedAgainstFixed() {
        InstanceDescriptor vm = oneVcpu(PowerState.RUNNING, null);
        vm = vm.toBuilder().memory(MemoryDescriptor.ofBytes(2 * GIB))
                .cpu(CpuDescriptor.of(2)).build();

        ImportPlan plan = plan(vm, "fast");

        assertThat(plan.importable()).isTrue();
        assertThat(plan.problems()).extracting(Problem::code, Problem::severity)
                .containsExactly(tuple(ProblemCode.OFFERING_CPU_SPEED_MISMATCH, Severity.WARN));
        assertThat(plan.proposed().cpu().speedMhz()).isEqualTo(2000);
        assertThat(plan.proposed().resizePendingAtStart()).isFalse();
    }

    @Test
    @DisplayName("a custom offering takes the instance's derived speed within its bounds, and blocks one outside")
    void customSpeedBounds() {
        ImportPlan within = plan(oneVcpu(PowerState.RUNNING, null), "flex-speed");
        assertThat(within.problems()).isEmpty();
        assertThat(within.proposed().cpu().speedMhz()).isEqualTo(1000);
        assertThat(within.proposed().vcpus()).isEqualTo(1);

        InstanceDescriptor slow = oneVcpu(PowerState.STOPPED, null);
        slow = slow.toBuilder().cpu(slow.cpu().withSizing(500, null)).build();
        ImportPlan outside = plan(slow, "flex-speed");
        assertThat(outside.blockingProblems()).extracting(Problem::code)
                .containsExactly(ProblemCode.OFFERING_CPU_SPEED_MISMATCH);
        assertThat(message(outside, ProblemCode.OFFERING_CPU_SPEED_MISMATCH)).isEqualTo("instance runs at 500 MHz"
                + " per vCPU; expected 1000-3000 MHz per vCPU for custom offering 'flex-speed' (Flexible 1-3 GHz)");
    }

    @Test
    @DisplayName("a quota cap meets a capped offering cleanly and is recorded; it blocks an offering that does not"
            + " cap while running")
    void quotaCap() {
        InstanceDescriptor capped = oneVcpu(PowerState.RUNNING, 0.5);
        capped = capped.toBuilder().memory(MemoryDescriptor.ofBytes(2 * GIB))
                .cpu(new CpuDescriptor(2, 2, null, null, null, null, null, null,
                        new CpuTune(null, 100_000L, 50_000L, false), null, 0.5)).build();

        ImportPlan onCapped = plan(capped, "capped");
        assertThat(onCapped.problems()).isEmpty();
        assertThat(onCapped.proposed().cpu().cap()).isEqualTo(0.5);

        ImportPlan onUncapped = plan(capped, "flex-speed");
        assertThat(onUncapped.blockingProblems()).extracting(Problem::code)
                .containsExactly(ProblemCode.OFFERING_CPU_CAP_MISMATCH);
        assertThat(message(onUncapped, ProblemCode.OFFERING_CPU_CAP_MISMATCH))
                .startsWith("CPU cap differs: instance has 50% of a vCPU, offering 'flex-speed'");
    }

    @Test
    @DisplayName("an uncapped stopped instance on a capped offering is capped from its next start")
    void capOnStart() {
        InstanceDescriptor vm = oneVcpu(PowerState.STOPPED, null);
        vm = vm.toBuilder().memory(MemoryDescriptor.ofBytes(2 * GIB))
                .cpu(CpuDescriptor.of(2)).build();

        ImportPlan plan = plan(vm, "capped");

        assertThat(plan.problems()).extracting(Problem::code)
                .containsExactly(ProblemCode.OFFERING_RESIZE_ON_START);
        assertThat(message(plan, ProblemCode.OFFERING_RESIZE_ON_START)).endsWith("CPU cap from none to a cap");
        assertThat(plan.proposed().resizePendingAtStart()).isTrue();
    }
}
