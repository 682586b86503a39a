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
 */
public record CpuDescriptor(int vcpus, int maxVcpus, @Nullable String mode, @Nullable String model,
                            @Nullable Integer sockets, @Nullable Integer dies, @Nullable Integer cores,
                            @Nullable Integer threads, CpuTune tune) {
    public CpuDescriptor {
        if (vcpus < 1 || maxVcpus < vcpus) {
            throw new IllegalArgumentException(
                    "vcpus must be >= 1 and <= maxVcpus, got vcpus=" + vcpus + " maxVcpus=" + maxVcpus);
        }
        tune = Objects.requireNonNullElse(tune, CpuTune.NONE);
    }

    /** A plain CPU with {@code vcpus} online and no topology, mode or tuning. */
    public static CpuDescriptor of(int vcpus) {
        return new CpuDescriptor(vcpus, vcpus, null, null, null, null, null, null, CpuTune.NONE);
    }
}
