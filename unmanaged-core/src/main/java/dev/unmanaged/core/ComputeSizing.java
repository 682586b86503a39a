package dev.unmanaged.core;

import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.api.inventory.ComputeOffering;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.Problem;
import dev.unmanaged.api.operation.ProblemCode;
import dev.unmanaged.api.spi.InventoryCatalog;
import dev.unmanaged.api.text.ByteSizes;
import dev.unmanaged.api.text.Counts;
import dev.unmanaged.api.text.SafeText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Matches an instance to its compute offering, as Apache CloudStack does and a little further. A fixed offering
 * whose vCPUs, memory, CPU speed or cap differ from the instance's blocks the import while the instance is not
 * stopped; a stopped instance is recorded with the offering's size, which it takes at its next start (a warning
 * says what changes). A custom offering takes the request's vCPUs and memory, else the instance's, and the
 * instance's derived CPU speed, each within its bounds.
 */
final class ComputeSizing {
    static final String SUBJECT = "offering";

    private ComputeSizing() {
    }

    /**
     * What to record.
     *
     * @param vcpus                the vCPUs
     * @param memoryBytes          the memory
     * @param speedMhz             the CPU speed per vCPU, null when neither the offering nor the instance gives one
     * @param resizePendingAtStart true when the instance takes the recorded size at its next start
     */
    record Size(int vcpus, long memoryBytes, @Nullable Integer speedMhz, boolean resizePendingAtStart) {
    }

    static Size check(ImportRequest request, InstanceDescriptor instance, InventoryCatalog catalog,
                      CatalogAccess access, List<Problem> problems) {
        Size asDefined = new Size(instance.cpu().vcpus(), instance.memory().maxBytes(), instance.cpu().speedMhz(),
                false);
        if (request.offeringId() == null) {
            if (problems.stream().anyMatch(p -> SUBJECT.equals(p.subject()))) {
                return asDefined; // a map's offering policy already said why
            }
            problems.add(Problem.block(ProblemCode.REQUEST_INVALID, SUBJECT,
                    "no compute offering given; expected the id of a fixed or custom offering"));
            return asDefined;
        }
        Optional<ComputeOffering> found = catalog.offering(request.offeringId());
        if (found.isEmpty()) {
            problems.add(Problem.block(ProblemCode.OFFERING_NOT_FOUND, SUBJECT, "compute offering "
                    + SafeText.quoted(request.offeringId()) + " does not exist; expected an existing offering id"));
            return asDefined;
        }
        ComputeOffering offering = found.get();
        access.check(offering, "compute offering", SUBJECT, problems);
        return offering.custom()
                ? custom(request, offering, instance, asDefined, problems)
                : fixed(request, offering, instance, asDefined, problems);
    }

    private static Size fixed(ImportRequest request, ComputeOffering offering, InstanceDescriptor instance,
                              Size asDefined, List<Problem> problems) {
        String name = describe(offering);
        if (request.cpus() != null || request.memoryBytes() != null) {
            problems.add(Problem.warn(ProblemCode.REQUEST_INVALID, SUBJECT, "custom vCPUs/memory "
                    + request.cpus() + "/" + request.memoryBytes() + " are ignored: " + name
                    + " is fixed; expected them only with a custom offering"));
        }
        Resize resize = new Resize(instance.powerState(), name, problems);
        int vcpus = asDefined.vcpus();
        if (vcpus != offering.minVcpus()) {
            resize.differs(Dimension.VCPUS, Integer.toString(vcpus), Integer.toString(offering.minVcpus()),
                    "an offering of exactly " + vcpus(vcpus) + ", or a custom one");
        }
        long memory = asDefined.memoryBytes();
        if (memory != offering.minMemoryBytes()) {
            resize.differs(Dimension.MEMORY, ByteSizes.withExactBytes(memory),
                    ByteSizes.withExactBytes(offering.minMemoryBytes()),
                    "an offering of exactly " + ByteSizes.withExactBytes(memory) + ", or a custom one");
        }
        Integer speed = asDefined.speedMhz();
        Integer offeringSpeed = offering.minSpeedMhz();
        if (offeringSpeed != null && speed == null) {
            problems.add(Problem.warn(ProblemCode.OFFERING_CPU_SPEED_MISMATCH, SUBJECT, "the instance's definition"
                    + " implies no CPU speed (for KVM: it sets no CPU shares); recorded with the " + mhz(offeringSpeed)
                    + " per vCPU of fixed " + name));
        } else if (offeringSpeed != null && !offeringSpeed.equals(speed)) {
            resize.differs(Dimension.SPEED, mhz(speed), mhz(offeringSpeed),
                    "an offering of " + mhz(speed) + " per vCPU, or one that states no speed");
        }
        checkCap(offering, instance, resize);
        resize.report();
        return new Size(offering.minVcpus(), offering.minMemoryBytes(), offeringSpeed != null ? offeringSpeed : speed,
                resize.pending());
    }

    private static Size custom(ImportRequest request, ComputeOffering offering, InstanceDescriptor instance,
                               Size asDefined, List<Problem> problems) {
        String name = describe(offering);
        int instanceVcpus = asDefined.vcpus();
        long instanceMemory = asDefined.memoryBytes();
        int vcpus = request.cpus() == null ? instanceVcpus : request.cpus();
        long memory = request.memoryBytes() == null ? instanceMemory : request.memoryBytes();
        String vcpuSource = request.cpus() == null ? "instance has " : "request asks for ";
        String memorySource = request.memoryBytes() == null ? "instance has " : "request asks for ";
        if (vcpus < offering.minVcpus() || vcpus > offering.maxVcpus()) {
            problems.add(Problem.block(ProblemCode.OFFERING_CPU_MISMATCH, SUBJECT, vcpuSource + vcpus(vcpus)
                    + "; expected " + offering.minVcpus() + "-" + offering.maxVcpus() + " vCPUs for custom " + name));
        } else if (vcpus != instanceVcpus) {
            problems.add(Problem.warn(ProblemCode.OFFERING_CPU_MISMATCH, SUBJECT, "recorded with " + vcpus(vcpus)
                    + " while the instance runs with " + instanceVcpus));
        }
        if (memory < offering.minMemoryBytes() || memory > offering.maxMemoryBytes()) {
            problems.add(Problem.block(ProblemCode.OFFERING_MEMORY_MISMATCH, SUBJECT, memorySource
                    + ByteSizes.withExactBytes(memory) + " of memory; expected "
                    + ByteSizes.withExactBytes(offering.minMemoryBytes()) + " to "
                    + ByteSizes.withExactBytes(offering.maxMemoryBytes()) + " for custom " + name));
        } else if (memory != instanceMemory) {
            problems.add(Problem.warn(ProblemCode.OFFERING_MEMORY_MISMATCH, SUBJECT, "recorded with "
                    + ByteSizes.withExactBytes(memory) + " while the instance runs with "
                    + ByteSizes.withExactBytes(instanceMemory)));
        }
        Integer speed = customSpeed(offering, asDefined.speedMhz(), name, problems);
        Resize resize = new Resize(instance.powerState(), name, problems);
        checkCap(offering, instance, resize);
        resize.report();
        boolean pending = vcpus != instanceVcpus || memory != instanceMemory || resize.pending();
        return new Size(vcpus, memory, speed, pending);
    }

    /** The instance's derived speed when it is within the offering's bounds; a fixed speed stands in when none. */
    private static @Nullable Integer customSpeed(ComputeOffering offering, @Nullable Integer speed, String name,
                                                 List<Problem> problems) {
        if (!offering.statesCpuSpeed()) {
            return speed;
        }
        Integer min = offering.minSpeedMhz();
        Integer max = offering.maxSpeedMhz();
        if (speed == null) {
            Integer only = Objects.equals(min, max) ? min : null;
            problems.add(Problem.warn(ProblemCode.OFFERING_CPU_SPEED_MISMATCH, SUBJECT, "the instance's definition"
                    + " implies no CPU speed (for KVM: it sets no CPU shares); recorded "
                    + (only == null ? "without a CPU speed" : "with " + mhz(only) + " per vCPU") + " for custom "
                    + name));
            return only;
        }
        if ((min != null && speed < min) || (max != null && speed > max)) {
            problems.add(Problem.block(ProblemCode.OFFERING_CPU_SPEED_MISMATCH, SUBJECT, "instance runs at "
                    + mhz(speed) + " per vCPU; expected " + bounds(min, max) + " per vCPU for custom " + name));
        }
        return speed;
    }

    /** An offering that states whether it caps the CPU must agree with the instance's cap. */
    private static void checkCap(ComputeOffering offering, InstanceDescriptor instance, Resize resize) {
        Boolean offeringCaps = offering.cpuCapped();
        Double cap = instance.cpu().cap();
        if (offeringCaps == null || offeringCaps == (cap != null)) {
            return;
        }
        resize.differs(Dimension.CAP, cap == null ? "none" : percent(cap) + " of a vCPU",
                offeringCaps ? "a cap" : "none", offeringCaps
                        ? "an offering that does not cap CPU use, or an instance with a CPU quota"
                        : "an offering that caps CPU use, or an instance without a CPU quota");
    }

    /** What an offering and an instance may differ in, with its code and wording. */
    private enum Dimension {
        VCPUS(ProblemCode.OFFERING_CPU_MISMATCH, "vCPUs", "differ"),
        MEMORY(ProblemCode.OFFERING_MEMORY_MISMATCH, "memory", "differs"),
        SPEED(ProblemCode.OFFERING_CPU_SPEED_MISMATCH, "CPU speed per vCPU", "differs"),
        CAP(ProblemCode.OFFERING_CPU_CAP_MISMATCH, "CPU cap", "differs");

        private final ProblemCode code;
        private final String what;
        private final String verb;

        Dimension(ProblemCode code, String what, String verb) {
            this.code = code;
            this.what = what;
            this.verb = verb;
        }
    }

    /**
     * The differences between an instance and its offering: each one blocks while the instance runs (or is
     * paused, suspended, crashed or in an unknown state); for a stopped instance they are one warning, as the
     * instance takes the offering's size at its next start.
     */
    private static final class Resize {
        private final PowerState state;
        private final String offering;
        private final List<Problem> problems;
        private final List<String> changes = new ArrayList<>();

        Resize(PowerState state, String offering, List<Problem> problems) {
            this.state = state;
            this.offering = offering;
            this.problems = problems;
        }

        void differs(Dimension dimension, String instanceHas, String offeringHas, String expected) {
            if (state == PowerState.STOPPED) {
                changes.add(dimension.what + " from " + instanceHas + " to " + offeringHas);
                return;
            }
            problems.add(Problem.block(dimension.code, SUBJECT, dimension.what + " " + dimension.verb
                    + ": instance has " + instanceHas + ", " + offering + " has " + offeringHas + "; expected "
                    + expected + ", or a stopped instance, which takes the offering's size at its next start (its"
                    + " power state is " + state.name().toLowerCase(Locale.ROOT) + ")"));
        }

        void report() {
            if (!changes.isEmpty()) {
                problems.add(Problem.warn(ProblemCode.OFFERING_RESIZE_ON_START, SUBJECT, "instance is stopped;"
                        + " recorded with the size of " + offering + ", which it takes at its next start: "
                        + String.join(", ", changes)));
            }
        }

        /** True when the instance takes a new size at its next start; differences that block count for nothing. */
        boolean pending() {
            return !changes.isEmpty();
        }
    }

    private static String vcpus(int n) {
        return Counts.of(n, "vCPU");
    }

    private static String mhz(@Nullable Integer speed) {
        return speed + " MHz";
    }

    private static String percent(double cap) {
        return Math.round(cap * 100) + "%";
    }

    private static String bounds(@Nullable Integer min, @Nullable Integer max) {
        if (min != null && max != null) {
            return min + "-" + max + " MHz";
        }
        return min != null ? "at least " + mhz(min) : "at most " + mhz(max);
    }

    private static String describe(ComputeOffering offering) {
        return "offering " + SafeText.quoted(offering.id()) + " (" + SafeText.of(offering.name()) + ")";
    }
}
