package dev.unmanaged.api.instance;

import dev.unmanaged.api.internal.Copies;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything known about one instance on a hypervisor host. Immutable; collections are never null.
 * Identity is the {@link #uuid()} first and the {@link #name()} second.
 *
 * @param uuid       the hypervisor's UUID of the instance; null only when the definition has none (then a
 *                   {@link WarningCodes#UUID_MISSING} warning is present)
 * @param name       the instance name on its host
 * @param hostId     the {@link Host#id()} it was listed on; null when read from a definition alone
 * @param hypervisor the hypervisor kind, e.g. kvm
 * @param domainType the hypervisor's own type of the instance (libvirt's {@code <domain type>}), null if unknown
 * @param powerState the power state; {@link PowerState#UNKNOWN} when read from a definition alone
 * @param persistent true when defined persistently, false when transient, null when unknown
 * @param cpu        virtual CPUs
 * @param memory     memory
 * @param os         OS and firmware
 * @param disks      disks, in definition order
 * @param nics       network interfaces, in definition order
 * @param graphics   graphical consoles, without passwords
 * @param warnings   what could not be modelled, and facts that make importing unsafe
 */
public record InstanceDescriptor(UUID uuid, String name, String hostId, String hypervisor, String domainType,
                                 PowerState powerState, Boolean persistent, CpuDescriptor cpu,
                                 MemoryDescriptor memory, OsDescriptor os, List<DiskDescriptor> disks,
                                 List<NicDescriptor> nics, List<GraphicsDescriptor> graphics,
                                 List<DescriptorWarning> warnings) {
    public InstanceDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hypervisor, "hypervisor");
        powerState = Objects.requireNonNullElse(powerState, PowerState.UNKNOWN);
        Objects.requireNonNull(cpu, "cpu");
        Objects.requireNonNull(memory, "memory");
        os = Objects.requireNonNullElse(os, OsDescriptor.UNKNOWN);
        disks = Copies.list(disks);
        nics = Copies.list(nics);
        graphics = Copies.list(graphics);
        warnings = Copies.list(warnings);
    }

    /** The UUID, if the instance has one. */
    public Optional<UUID> optionalUuid() {
        return Optional.ofNullable(uuid);
    }

    /** True when {@code nameOrUuid} is this instance's UUID (any letter case) or its exact name. */
    public boolean isIdentifiedBy(String nameOrUuid) {
        if (nameOrUuid == null) {
            return false;
        }
        if (uuid != null && uuid.toString().equalsIgnoreCase(nameOrUuid.trim())) {
            return true;
        }
        return name.equals(nameOrUuid);
    }

    /** True when any warning blocks an import. */
    public boolean hasBlockingWarning() {
        return warnings.stream().anyMatch(DescriptorWarning::blocksImport);
    }

    /** This descriptor as listed on {@code host} with the given run state and persistence. */
    public InstanceDescriptor onHost(String hostId, PowerState state, Boolean persistent) {
        return new InstanceDescriptor(uuid, name, hostId, hypervisor, domainType, state, persistent, cpu, memory, os,
                disks, nics, graphics, warnings);
    }

    /** This descriptor with other disks (e.g. with sizes filled in). */
    public InstanceDescriptor withDisks(List<DiskDescriptor> newDisks) {
        return new InstanceDescriptor(uuid, name, hostId, hypervisor, domainType, powerState, persistent, cpu, memory,
                os, newDisks, nics, graphics, warnings);
    }

    /** This descriptor with {@code extra} warnings appended. */
    public InstanceDescriptor withWarnings(List<DescriptorWarning> extra) {
        if (extra.isEmpty()) {
            return this;
        }
        var all = new java.util.ArrayList<>(warnings);
        all.addAll(extra);
        return new InstanceDescriptor(uuid, name, hostId, hypervisor, domainType, powerState, persistent, cpu, memory,
                os, disks, nics, graphics, all);
    }
}
