package dev.unmanaged.api.inventory;

import dev.unmanaged.api.instance.CpuDescriptor;
import org.jspecify.annotations.Nullable;

/**
 * The CPU of a managed instance as it was imported: topology, mode and model as the instance was defined, and
 * the speed and cap recorded with its offering. Every value is null when unknown (records written before these
 * were kept have none).
 *
 * @param sockets  topology sockets
 * @param dies     topology dies
 * @param cores    topology cores per die
 * @param threads  topology threads per core
 * @param mode     CPU mode, e.g. {@code host-passthrough}
 * @param model    CPU model name
 * @param speedMhz CPU speed per vCPU in MHz recorded at import: the fixed offering's when it states one, else the
 *                 instance's derived speed
 * @param cap      the instance's CPU cap at import, as a fraction of one vCPU's time
 */
public record ManagedCpu(@Nullable Integer sockets, @Nullable Integer dies, @Nullable Integer cores,
                         @Nullable Integer threads, @Nullable String mode, @Nullable String model,
                         @Nullable Integer speedMhz, @Nullable Double cap) {
    /** Nothing known. */
    public static final ManagedCpu UNKNOWN = new ManagedCpu(null, null, null, null, null, null, null, null);

    /** The topology, mode and model of {@code cpu}, with the speed and cap to record. */
    public static ManagedCpu of(CpuDescriptor cpu, @Nullable Integer speedMhz, @Nullable Double cap) {
        return new ManagedCpu(cpu.sockets(), cpu.dies(), cpu.cores(), cpu.threads(), cpu.mode(), cpu.model(),
                speedMhz, cap);
    }
}
