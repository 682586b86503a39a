package dev.unmanaged.api.instance;

import dev.unmanaged.api.internal.Copies;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Everything known about one instance on a hypervisor host. Immutable; collections are never null.
 * Identity is the {@link #uuid()} first and the {@link #name()} second. Build one with {@link #builder()};
 * an instance whose definition could not be read with {@link #definitionUnreadable}.
 *
 * @param uuid               the hypervisor's UUID of the instance; null only when the definition has none (then a
 *                           {@link WarningCodes#UUID_MISSING} warning is present)
 * @param name               the instance name on its host
 * @param hostId             the {@link Host#id()} it was listed on; null when read from a definition alone
 * @param hypervisor         the hypervisor kind, e.g. kvm
 * @param virtualizationType how the hypervisor runs the instance: for KVM the domain XML's {@code <domain type>},
 *                           such as {@code kvm} or {@code qemu}; null when unknown or the hypervisor has no such
 *                           notion
 * @param powerState         the power state; {@link PowerState#UNKNOWN} when read from a definition alone (a null
 *                           given to the constructor becomes {@link PowerState#UNKNOWN})
 * @param persistent         true when defined persistently, false when transient, null when unknown
 * @param cpu                virtual CPUs
 * @param memory             memory
 * @param os                 OS and firmware; {@link OsDescriptor#UNKNOWN} when nothing is known (also for a null
 *                           given to the constructor)
 * @param disks              disks, in definition order
 * @param nics               network interfaces, in definition order
 * @param graphics           graphical consoles, without passwords
 * @param warnings           what could not be modelled, and facts that make importing unsafe
 * @param placement          where in a multi-hypervisor host (a vCenter) the instance runs; null where the host is
 *                           the hypervisor itself (KVM) or when unknown
 * @param biosUuid           the UUID the instance's firmware reports (vSphere's {@code config.uuid}) where the
 *                           hypervisor keeps it apart from {@link #uuid()}; null when it does not or it is unknown
 * @param cpuAllocation      the CPU reservation, limit (in MHz for the whole instance) and shares; null when the
 *                           hypervisor defines none this way (KVM's tuning is in {@link CpuDescriptor#tune()})
 * @param memoryAllocation   the memory reservation, limit (in bytes) and shares; null when the hypervisor defines
 *                           none
 * @param snapshots          its snapshots and checkpoints; null when they were not read: a listing reads them (with
 *                           each disk's {@link DiskDescriptor#blockJob()} and {@link DiskDescriptor#hostPool()})
 *                           only with {@link dev.unmanaged.api.spi.ListingDetail#STORAGE}, a describe always, a
 *                           provider whose hypervisor has none reports {@link Snapshots#NONE} or null
 * @param firmwareState      its firmware files and TPM; {@link FirmwareState#NONE} when it has none (also for a null
 *                           given to the constructor)
 * @param hostDevices        the host's devices passed through to it, in definition order; never null
 */
public record InstanceDescriptor(@Nullable UUID uuid, String name, @Nullable String hostId, String hypervisor,
                                 @Nullable String virtualizationType, PowerState powerState,
                                 @Nullable Boolean persistent, CpuDescriptor cpu, MemoryDescriptor memory,
                                 OsDescriptor os, List<DiskDescriptor> disks, List<NicDescriptor> nics,
                                 List<GraphicsDescriptor> graphics, List<DescriptorWarning> warnings,
                                 @Nullable Placement placement, @Nullable UUID biosUuid,
                                 @Nullable ResourceAllocation cpuAllocation,
                                 @Nullable ResourceAllocation memoryAllocation, @Nullable Snapshots snapshots,
                                 FirmwareState firmwareState, List<HostDeviceDescriptor> hostDevices) {
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
        firmwareState = Objects.requireNonNullElse(firmwareState, FirmwareState.NONE);
        hostDevices = Copies.list(hostDevices);
    }

    /** A descriptor without snapshots read, firmware state or host devices. */
    public InstanceDescriptor(@Nullable UUID uuid, String name, @Nullable String hostId, String hypervisor,
                              @Nullable String virtualizationType, PowerState powerState,
                              @Nullable Boolean persistent, CpuDescriptor cpu, MemoryDescriptor memory,
                              OsDescriptor os, List<DiskDescriptor> disks, List<NicDescriptor> nics,
                              List<GraphicsDescriptor> graphics, List<DescriptorWarning> warnings,
                              @Nullable Placement placement, @Nullable UUID biosUuid,
                              @Nullable ResourceAllocation cpuAllocation,
                              @Nullable ResourceAllocation memoryAllocation) {
        this(uuid, name, hostId, hypervisor, virtualizationType, powerState, persistent, cpu, memory, os, disks, nics,
                graphics, warnings, placement, biosUuid, cpuAllocation, memoryAllocation, null, FirmwareState.NONE,
                List.of());
    }

    /** A descriptor without a separate BIOS UUID or resource allocations. */
    public InstanceDescriptor(@Nullable UUID uuid, String name, @Nullable String hostId, String hypervisor,
                              @Nullable String virtualizationType, PowerState powerState,
                              @Nullable Boolean persistent, CpuDescriptor cpu, MemoryDescriptor memory,
                              OsDescriptor os, List<DiskDescriptor> disks, List<NicDescriptor> nics,
                              List<GraphicsDescriptor> graphics, List<DescriptorWarning> warnings,
                              @Nullable Placement placement) {
        this(uuid, name, hostId, hypervisor, virtualizationType, powerState, persistent, cpu, memory, os, disks, nics,
                graphics, warnings, placement, null, null, null);
    }

    /** An empty builder: power state and OS unknown, no devices, no warnings. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every value of this descriptor. */
    public Builder toBuilder() {
        return new Builder().uuid(uuid).name(name).hostId(hostId).hypervisor(hypervisor)
                .virtualizationType(virtualizationType).powerState(powerState).persistent(persistent).cpu(cpu)
                .memory(memory).os(os).disks(disks).nics(nics).graphics(graphics).warnings(warnings)
                .placement(placement).biosUuid(biosUuid).cpuAllocation(cpuAllocation)
                .memoryAllocation(memoryAllocation).snapshots(snapshots).firmwareState(firmwareState)
                .hostDevices(hostDevices);
    }

    /**
     * An instance whose definition could not be read: only what the hypervisor's API reports is known, and a
     * blocking {@link WarningCodes#DEFINITION_UNREADABLE} warning says {@code why}. Its power state and OS are
     * unknown and it has no devices. When {@code cpu} or {@code memory} is unknown (null), 1 vCPU and 1 byte stand
     * in for both, and a blocking {@link WarningCodes#DETAIL_UNAVAILABLE} warning says they are placeholders.
     *
     * @param hypervisor the hypervisor kind
     * @param name       the instance name the hypervisor reports
     * @param uuid       the UUID it reports, null when none (the caller adds {@link WarningCodes#UUID_MISSING})
     * @param cpu        the virtual CPUs it reports, null when unknown
     * @param memory     the memory it reports, null when unknown
     * @param why        what could not be read and why, for the warning; never a secret
     */
    public static InstanceDescriptor definitionUnreadable(String hypervisor, String name, @Nullable UUID uuid,
                                                          @Nullable CpuDescriptor cpu,
                                                          @Nullable MemoryDescriptor memory, String why) {
        Builder builder = builder().hypervisor(hypervisor).name(name).uuid(uuid)
                .warning(DescriptorWarning.blocking(WarningCodes.DEFINITION_UNREADABLE, why));
        if (cpu == null || memory == null) {
            // The record needs values; these are placeholders, flagged as such and blocking any import.
            return builder.cpu(CpuDescriptor.of(1)).memory(MemoryDescriptor.ofBytes(1))
                    .warning(DescriptorWarning.blocking(WarningCodes.DETAIL_UNAVAILABLE,
                            "vCPUs and memory could not be read; 1 vCPU and 1 byte are placeholders, not facts"))
                    .build();
        }
        return builder.cpu(cpu).memory(memory).build();
    }

    /** The UUID, if the instance has one. */
    public Optional<UUID> optionalUuid() {
        return Optional.ofNullable(uuid);
    }

    /** True when {@code nameOrUuid} is this instance's UUID (any letter case) or its exact name. */
    public boolean isIdentifiedBy(@Nullable String nameOrUuid) {
        return identifies(name, uuid, nameOrUuid);
    }

    /**
     * The one rule by which a caller's {@code nameOrUuid} names an instance, for a provider that filters before it
     * builds descriptors: true when {@code nameOrUuid}, without surrounding spaces, is {@code uuid} in its canonical
     * form (any letter case), or when it is exactly {@code name}; false for a null {@code nameOrUuid}.
     *
     * @param name       the instance name
     * @param uuid       the instance UUID, null when it has none
     * @param nameOrUuid what the caller named the instance with
     */
    public static boolean identifies(String name, @Nullable UUID uuid, @Nullable String nameOrUuid) {
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
    public InstanceDescriptor onHost(@Nullable String hostId, PowerState state, @Nullable Boolean persistent) {
        return toBuilder().hostId(hostId).powerState(state).persistent(persistent).build();
    }

    /** This descriptor with other disks (e.g. with sizes filled in). */
    public InstanceDescriptor withDisks(List<DiskDescriptor> newDisks) {
        return toBuilder().disks(newDisks).build();
    }

    /** This descriptor with {@code extra} warnings appended. */
    public InstanceDescriptor withWarnings(List<DescriptorWarning> extra) {
        if (extra.isEmpty()) {
            return this;
        }
        Builder builder = toBuilder();
        extra.forEach(builder::warning);
        return builder.build();
    }

    /**
     * Builds an {@link InstanceDescriptor}; every setter returns this builder. {@link #build()} validates as the
     * record's constructor does (name, hypervisor, cpu and memory are required). Not thread-safe.
     */
    public static final class Builder {
        private @Nullable UUID uuid;
        private @Nullable String name;
        private @Nullable String hostId;
        private @Nullable String hypervisor;
        private @Nullable String virtualizationType;
        private PowerState powerState = PowerState.UNKNOWN;
        private @Nullable Boolean persistent;
        private @Nullable CpuDescriptor cpu;
        private @Nullable MemoryDescriptor memory;
        private OsDescriptor os = OsDescriptor.UNKNOWN;
        private final List<DiskDescriptor> disks = new ArrayList<>();
        private final List<NicDescriptor> nics = new ArrayList<>();
        private final List<GraphicsDescriptor> graphics = new ArrayList<>();
        private final List<DescriptorWarning> warnings = new ArrayList<>();
        private @Nullable Placement placement;
        private @Nullable UUID biosUuid;
        private @Nullable ResourceAllocation cpuAllocation;
        private @Nullable ResourceAllocation memoryAllocation;
        private @Nullable Snapshots snapshots;
        private FirmwareState firmwareState = FirmwareState.NONE;
        private final List<HostDeviceDescriptor> hostDevices = new ArrayList<>();

        private Builder() {
        }

        /** The UUID; null when the instance has none. */
        public Builder uuid(@Nullable UUID value) {
            this.uuid = value;
            return this;
        }

        /** The instance name on its host. */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /** The {@link Host#id()} it was listed on; null when read from a definition alone. */
        public Builder hostId(@Nullable String value) {
            this.hostId = value;
            return this;
        }

        /** The hypervisor kind, e.g. kvm. */
        public Builder hypervisor(String value) {
            this.hypervisor = value;
            return this;
        }

        /** How the hypervisor runs the instance (for KVM: kvm or qemu); null when unknown. */
        public Builder virtualizationType(@Nullable String value) {
            this.virtualizationType = value;
            return this;
        }

        /** The power state; {@link PowerState#UNKNOWN} unless set. */
        public Builder powerState(PowerState value) {
            this.powerState = value;
            return this;
        }

        /** Persistent (true), transient (false) or unknown (null, the default). */
        public Builder persistent(@Nullable Boolean value) {
            this.persistent = value;
            return this;
        }

        /** The virtual CPUs. */
        public Builder cpu(CpuDescriptor value) {
            this.cpu = value;
            return this;
        }

        /** The memory. */
        public Builder memory(MemoryDescriptor value) {
            this.memory = value;
            return this;
        }

        /** OS and firmware; {@link OsDescriptor#UNKNOWN} unless set. */
        public Builder os(OsDescriptor value) {
            this.os = value;
            return this;
        }

        /** Replaces the disks with {@code values}, in definition order. */
        public Builder disks(List<DiskDescriptor> values) {
            disks.clear();
            disks.addAll(values);
            return this;
        }

        /** Appends a disk. */
        public Builder disk(DiskDescriptor value) {
            disks.add(value);
            return this;
        }

        /** Replaces the NICs with {@code values}, in definition order. */
        public Builder nics(List<NicDescriptor> values) {
            nics.clear();
            nics.addAll(values);
            return this;
        }

        /** Appends a NIC. */
        public Builder nic(NicDescriptor value) {
            nics.add(value);
            return this;
        }

        /** Replaces the graphical consoles with {@code values}. */
        public Builder graphics(List<GraphicsDescriptor> values) {
            graphics.clear();
            graphics.addAll(values);
            return this;
        }

        /** Appends a graphical console. */
        public Builder graphics(GraphicsDescriptor value) {
            graphics.add(value);
            return this;
        }

        /** Replaces the warnings with {@code values}. */
        public Builder warnings(List<DescriptorWarning> values) {
            warnings.clear();
            warnings.addAll(values);
            return this;
        }

        /** Appends a warning. */
        public Builder warning(DescriptorWarning value) {
            warnings.add(value);
            return this;
        }

        /** Where in a multi-hypervisor host the instance runs; null (the default) when not applicable. */
        public Builder placement(@Nullable Placement value) {
            this.placement = value;
            return this;
        }

        /** The UUID the firmware reports where it differs in kind from the instance UUID; null by default. */
        public Builder biosUuid(@Nullable UUID value) {
            this.biosUuid = value;
            return this;
        }

        /** The CPU reservation, limit (MHz) and shares; null (the default) when none. */
        public Builder cpuAllocation(@Nullable ResourceAllocation value) {
            this.cpuAllocation = value;
            return this;
        }

        /** The memory reservation, limit (bytes) and shares; null (the default) when none. */
        public Builder memoryAllocation(@Nullable ResourceAllocation value) {
            this.memoryAllocation = value;
            return this;
        }

        /** Its snapshots and checkpoints; null (the default) when they were not read. */
        public Builder snapshots(@Nullable Snapshots value) {
            this.snapshots = value;
            return this;
        }

        /** Its firmware files and TPM; {@link FirmwareState#NONE} unless set. */
        public Builder firmwareState(FirmwareState value) {
            this.firmwareState = value;
            return this;
        }

        /** Replaces the host devices passed through with {@code values}, in definition order. */
        public Builder hostDevices(List<HostDeviceDescriptor> values) {
            hostDevices.clear();
            hostDevices.addAll(values);
            return this;
        }

        /**
         * The descriptor.
         *
         * @throws NullPointerException     when the name, hypervisor, cpu or memory is missing
         * @throws IllegalArgumentException as the record's constructor does
         */
        public InstanceDescriptor build() {
            // The constructor checks the required values and names the one that is missing.
            return new InstanceDescriptor(uuid, name, hostId, hypervisor, virtualizationType, powerState,
                    persistent, cpu, memory, os, disks, nics, graphics, warnings, placement, biosUuid, cpuAllocation,
                    memoryAllocation, snapshots, firmwareState, hostDevices);
        }
    }
}
