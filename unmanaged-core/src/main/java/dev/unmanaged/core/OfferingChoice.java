package dev.unmanaged.core;

import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.inventory.ComputeOffering;
import dev.unmanaged.api.mapping.OfferingPolicy;
import dev.unmanaged.api.operation.Problem;
import dev.unmanaged.api.operation.ProblemCode;
import dev.unmanaged.api.text.ByteSizes;
import dev.unmanaged.api.text.SafeText;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Picks an instance's compute offering by an {@link OfferingPolicy}, among the offerings its owner may use. */
final class OfferingChoice {
    private static final Comparator<ComputeOffering> SMALLEST = Comparator
            .comparingInt(ComputeOffering::maxVcpus)
            .thenComparingLong(ComputeOffering::maxMemoryBytes)
            .thenComparing(ComputeOffering::id);

    private OfferingChoice() {
    }

    /** The offering's id, or a problem saying why none fits. */
    static Choice choose(OfferingPolicy policy, InstanceDescriptor instance, List<ComputeOffering> offerings,
                         String ownerId) {
        int vcpus = instance.cpu().vcpus();
        long memory = instance.memory().maxBytes();
        Integer speed = instance.cpu().speedMhz();
        boolean capped = instance.cpu().cap() != null;
        boolean custom = policy == OfferingPolicy.CUSTOM;
        Optional<ComputeOffering> chosen = offerings.stream()
                .filter(o -> o.custom() == custom && (ownerId == null || o.usableBy(ownerId)))
                .filter(o -> o.minVcpus() <= vcpus && vcpus <= o.maxVcpus())
                .filter(o -> o.minMemoryBytes() <= memory && memory <= o.maxMemoryBytes())
                .filter(o -> speedFits(o, speed, custom) && capFits(o, capped))
                .min(SMALLEST);
        if (chosen.isPresent()) {
            return new Choice(chosen.get().id(), null);
        }
        String size = vcpus + " vCPUs and " + ByteSizes.withExactBytes(memory);
        String owner = ownerId == null ? "" : " that owner " + SafeText.quoted(ownerId) + " may use";
        String wanted = custom ? "a custom offering whose bounds hold " + size + owner
                : "a fixed offering of exactly " + size + owner;
        return new Choice(null, Problem.block(ProblemCode.OFFERING_NOT_FOUND, ComputeSizing.SUBJECT,
                "the map's offering policy " + policy.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                        + " found no offering for the instance; expected " + wanted + ", or an offering id"));
    }

    /**
     * An offering that states a CPU speed fits an instance whose speed lies within it; a fixed one does not fit an
     * instance whose speed is unknown (a custom one does: the instance then takes the offering's speed).
     */
    private static boolean speedFits(ComputeOffering offering, Integer speed, boolean custom) {
        if (offering.minSpeedMhz() == null && offering.maxSpeedMhz() == null) {
            return true;
        }
        if (speed == null) {
            return custom;
        }
        return (offering.minSpeedMhz() == null || offering.minSpeedMhz() <= speed)
                && (offering.maxSpeedMhz() == null || speed <= offering.maxSpeedMhz());
    }

    /** An offering that says whether it caps the CPU fits only an instance that is capped the same way. */
    private static boolean capFits(ComputeOffering offering, boolean capped) {
        return offering.cpuCapped() == null || offering.cpuCapped() == capped;
    }

    /** The offering chosen, or the problem when there is none. */
    record Choice(String offeringId, Problem problem) {
    }
}
