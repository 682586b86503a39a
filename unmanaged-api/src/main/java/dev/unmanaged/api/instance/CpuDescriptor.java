package dev.unmanaged.api.instance;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Virtual CPUs of an instance.
 *
 * @param vcpus    vCPUs online now (for KVM the domain XML's {@code <vcpu current>}, or the maximum when absent)
 * @param maxVcpus maximum vCPUs the instance may hot-plug up to
 * @param mode     CPU mode, e.g. {@code host-passthrough}, {@code host-model}, {@code custom}; null when not set
 * @param model    CPU model name, null when not set
 * @param sockets  topology sockets, null when no topology is given
 * @param dies     topology dies, null when not given
 * @param cores    topology cores per die, null when not given
 * @param threads  topology threads per core, null when not given
 * @param tune     scheduler tuning, {@link CpuTune#NONE} when absent; never null
 * @param speedMhz the CPU speed per vCPU in MHz that the hypervisor's definition implies, at least 1; null when
 *                 it implies none. It is a derived figure for sizing, not a clock rate: for KVM it is Apache
 *                 CloudStack's convention, {@code <cputune><shares>} divided by the vCPUs online (whole MHz,
 *                 rounded down), null without shares or when that is below 1
 * @param cap      the CPU cap as a fraction of one vCPU's time, greater than 0 (for KVM {@code <cputune>} quota
 *                 divided by period, e.g. 0.5 for half of a CPU per vCPU); null when unknown or unlimited
 */
public record CpuDescriptor(int vcpus, int maxVcpus, @Nullable String mode, @Nullable String model,
                            @Nullable Integer sockets, @Nullable Integer dies, @Nullable Integer cores,
                            @Nullable Integer threads, CpuTune tune, @Nullable Integer speedMhz,
                            @Nullable Double cap) {
    public CpuDescriptor {
        if (vcpus < 1 || maxVcpus < vcpus) {
            throw new IllegalArgumentException(
                    "vcpus must be >= 1 and <= maxVcpus, got vcpus=" + vcpus + " maxVcpus=" + maxVcpus);
        }
        tune = Objects.requireNonNullElse(tune, CpuTune.NONE);
        if (speedMhz != null && speedMhz < 1) {
            throw new IllegalArgumentException("speedMhz must be at least 1 MHz or null, got " + speedMhz);
        }
        if (cap != null && !(cap > 0 && Double.isFinite(cap))) {
            throw new IllegalArgumentException("cap must be a finite fraction above 0 or null, got " + cap);
        }
    }

    /** A CPU without a derived speed or cap; both can be set with {@link #withSizing}. */
    public CpuDescriptor(int vcpus, int maxVcpus, @Nullable String mode, @Nullable String model,
                         @Nullable Integer sockets, @Nullable Integer dies, @Nullable Integer cores,
                         @Nullable Integer threads, @Nullable CpuTune tune) {
        this(vcpus, maxVcpus, mode, model, sockets, dies, cores, threads, tune, null, null);
    }

    /** A plain CPU with {@code vcpus} online and no topology, mode, tuning, speed or cap. */
    public static CpuDescriptor of(int vcpus) {
        return new CpuDescriptor(vcpus, vcpus, null, null, null, null, null, null, CpuTune.NONE);
    }

    /** This CPU with the given derived speed per vCPU and cap (each null when unknown). */
    public CpuDescriptor withSizing(@Nullable Integer newSpeedMhz, @Nullable Double newCap) {
        return new CpuDescriptor(vcpus, maxVcpus, mode, model, sockets, dies, cores, threads, tune, newSpeedMhz,
                newCap);
    }
}
