package dev.unmanaged.api.inventory;

import dev.unmanaged.api.internal.Copies;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A compute offering. A fixed offering has one size: vCPUs, memory and, when it states one, a CPU speed per vCPU;
 * a custom one takes the instance's (or the request's) values within its bounds. Either may state whether it
 * caps the CPU. Speed and cap are optional, so offerings that state neither behave as before they existed.
 *
 * @param id             identifier
 * @param name           readable name
 * @param custom         true for a custom offering
 * @param minVcpus       fixed: the vCPUs; custom: the lower bound
 * @param maxVcpus       fixed: the vCPUs; custom: the upper bound
 * @param minMemoryBytes fixed: the memory; custom: the lower bound
 * @param maxMemoryBytes fixed: the memory; custom: the upper bound
 * @param ownerIds       who may use it; empty means everyone
 * @param minSpeedMhz    fixed: the CPU speed per vCPU in MHz; custom: the lower bound; null when not stated (a
 *                       fixed offering states both or neither)
 * @param maxSpeedMhz    fixed: the CPU speed per vCPU in MHz; custom: the upper bound; null when not stated
 * @param cpuCapped      true when the offering caps CPU use, false when it does not, null when it does not say
 */
public record ComputeOffering(String id, String name, boolean custom, int minVcpus, int maxVcpus,
                              long minMemoryBytes, long maxMemoryBytes, Set<String> ownerIds,
                              @Nullable Integer minSpeedMhz, @Nullable Integer maxSpeedMhz,
                              @Nullable Boolean cpuCapped)
        implements CatalogEntry {
    public ComputeOffering {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        ownerIds = Copies.set(ownerIds);
        if (minVcpus < 1 || maxVcpus < minVcpus || minMemoryBytes < 1 || maxMemoryBytes < minMemoryBytes) {
            throw new IllegalArgumentException("offering " + id + ": bounds must be positive and min <= max");
        }
        if ((minSpeedMhz != null && minSpeedMhz < 1) || (maxSpeedMhz != null && maxSpeedMhz < 1)
                || (minSpeedMhz != null && maxSpeedMhz != null && maxSpeedMhz < minSpeedMhz)) {
            throw new IllegalArgumentException("offering " + id + ": CPU speeds must be at least 1 MHz and min <= max,"
                    + " got " + minSpeedMhz + "-" + maxSpeedMhz);
        }
        if (!custom && (minVcpus != maxVcpus || minMemoryBytes != maxMemoryBytes
                || !Objects.equals(minSpeedMhz, maxSpeedMhz))) {
            throw new IllegalArgumentException("fixed offering " + id + " must have min == max");
        }
    }

    /** An offering that states neither a CPU speed nor whether it caps the CPU. */
    public ComputeOffering(String id, String name, boolean custom, int minVcpus, int maxVcpus,
                           long minMemoryBytes, long maxMemoryBytes, Set<String> ownerIds) {
        this(id, name, custom, minVcpus, maxVcpus, minMemoryBytes, maxMemoryBytes, ownerIds, null, null, null);
    }

    /** A fixed offering of exactly {@code vcpus} and {@code memoryBytes}, usable by everyone. */
    public static ComputeOffering fixed(String id, String name, int vcpus, long memoryBytes) {
        return new ComputeOffering(id, name, false, vcpus, vcpus, memoryBytes, memoryBytes, Set.of());
    }

    /** A custom offering with bounds, usable by everyone. */
    public static ComputeOffering custom(String id, String name, int minVcpus, int maxVcpus, long minMemoryBytes,
                                         long maxMemoryBytes) {
        return new ComputeOffering(id, name, true, minVcpus, maxVcpus, minMemoryBytes, maxMemoryBytes, Set.of());
    }

    /** This offering restricted to {@code owners}. */
    public ComputeOffering restrictedTo(Set<String> owners) {
        return new ComputeOffering(id, name, custom, minVcpus, maxVcpus, minMemoryBytes, maxMemoryBytes, owners,
                minSpeedMhz, maxSpeedMhz, cpuCapped);
    }

    /**
     * This offering with CPU speed bounds per vCPU in MHz (for a fixed offering give the same speed twice, or
     * null twice to state none).
     *
     * @throws IllegalArgumentException when a speed is below 1, min exceeds max, or a fixed offering gets two
     *                                  different speeds
     */
    public ComputeOffering withCpuSpeed(@Nullable Integer minMhz, @Nullable Integer maxMhz) {
        return new ComputeOffering(id, name, custom, minVcpus, maxVcpus, minMemoryBytes, maxMemoryBytes, ownerIds,
                minMhz, maxMhz, cpuCapped);
    }

    /** This offering stating whether it caps CPU use (null: it does not say). */
    public ComputeOffering withCpuCapped(@Nullable Boolean capped) {
        return new ComputeOffering(id, name, custom, minVcpus, maxVcpus, minMemoryBytes, maxMemoryBytes, ownerIds,
                minSpeedMhz, maxSpeedMhz, capped);
    }

    /** True when the offering states a CPU speed, or a bound on it. */
    public boolean statesCpuSpeed() {
        return minSpeedMhz != null || maxSpeedMhz != null;
    }
}
