package dev.unmanaged.tck.fake;

import dev.unmanaged.api.instance.CpuDescriptor;
import dev.unmanaged.api.instance.CpuTune;
import dev.unmanaged.api.instance.DescriptorWarning;
import dev.unmanaged.api.instance.DiskDescriptor;
import dev.unmanaged.api.instance.Firmware;
import dev.unmanaged.api.instance.GraphicsDescriptor;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.MemoryDescriptor;
import dev.unmanaged.api.instance.NicDescriptor;
import dev.unmanaged.api.instance.OsDescriptor;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.api.instance.WarningCodes;
import dev.unmanaged.tck.Macs;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Realistic instance descriptors for tests, made in one line: {@code InstanceDescriptors.named("web-1").build()}
 * is a running, persistent instance with a random UUID, 2 vCPUs, 2 GiB of memory, one 10 GiB qcow2 disk
 * ({@code vda}) and one virtio NIC with a fresh locally administered MAC on bridge {@code br0}.
 */
public final class InstanceDescriptors {
    /** One gibibyte in bytes. */
    public static final long GIB = 1024L * 1024L * 1024L;
    /** One mebibyte in bytes. */
    public static final long MIB = 1024L * 1024L;

    private InstanceDescriptors() {
    }

    /** A builder for an instance called {@code name}, with the defaults described on this class. */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /** A MAC address ({@code 52:54:00:xx:xx:xx}, the KVM prefix) not handed out before by this JVM. */
    public static String freshMac() {
        return Macs.fresh();
    }

    /** A qcow2 file disk on the virtio bus, with its capacity known and half of it allocated. */
    public static DiskDescriptor fileDisk(String deviceName, String path, long capacityBytes) {
        return DiskDescriptor.builder().driverType("qcow2").cache("none").source(path).deviceName(deviceName)
                .bus("virtio").capacityBytes(capacityBytes).allocationBytes(capacityBytes / 2).build();
    }

    /** An empty read-only CD-ROM drive on the SATA bus. */
    public static DiskDescriptor emptyCdrom(String deviceName) {
        return DiskDescriptor.builder().device("cdrom").driverType("raw").deviceName(deviceName).bus("sata")
                .readOnly(true).build();
    }

    /** A virtio NIC attached to a host bridge. */
    public static NicDescriptor bridgeNic(String mac, String bridge) {
        return new NicDescriptor("bridge", mac, "virtio", bridge, List.of(), null, null, null);
    }

    /**
     * Builds one descriptor through {@link InstanceDescriptor#builder()}, starting from this class's defaults;
     * every setter returns this builder. Not thread-safe.
     */
    public static final class Builder {
        private final String name;
        private final InstanceDescriptor.Builder descriptor;
        private boolean defaultDisk = true;
        private boolean defaultNic = true;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
            this.descriptor = InstanceDescriptor.builder().name(name).uuid(UUID.randomUUID())
                    .hypervisor(InMemoryHypervisorProvider.DEFAULT_HYPERVISOR).virtualizationType("fake")
                    .powerState(PowerState.RUNNING).persistent(Boolean.TRUE).cpu(CpuDescriptor.of(2))
                    .memory(MemoryDescriptor.ofBytes(2 * GIB))
                    .os(new OsDescriptor("hvm", "x86_64", "pc-q35-8.2", Firmware.BIOS, null, List.of("hd")));
        }

        /** The UUID; null makes an instance without one (and adds the matching warning). */
        public Builder uuid(@Nullable UUID value) {
            descriptor.uuid(value);
            return this;
        }

        /** The host id the descriptor says it was listed on. */
        public Builder hostId(@Nullable String value) {
            descriptor.hostId(value);
            return this;
        }

        /** The hypervisor kind, {@code fake} by default. */
        public Builder hypervisor(String value) {
            descriptor.hypervisor(Objects.requireNonNull(value, "hypervisor"));
            return this;
        }

        /** How the hypervisor runs the instance, {@code fake} by default. */
        public Builder virtualizationType(@Nullable String value) {
            descriptor.virtualizationType(value);
            return this;
        }

        /** The power state, running by default. */
        public Builder powerState(PowerState value) {
            descriptor.powerState(Objects.requireNonNull(value, "powerState"));
            return this;
        }

        /** Persistent (true, the default) or transient (false). */
        public Builder persistent(boolean value) {
            descriptor.persistent(value);
            return this;
        }

        /** A transient instance: it exists only while it runs. */
        public Builder transientInstance() {
            return persistent(false);
        }

        /** {@code vcpus} online and at most. */
        public Builder vcpus(int vcpus) {
            return cpu(CpuDescriptor.of(vcpus));
        }

        /** A full CPU description: {@code vcpus} online of {@code maxVcpus}, with a topology and tuning. */
        public Builder cpu(int vcpus, int maxVcpus, int sockets, int cores, int threads, CpuTune tune) {
            return cpu(new CpuDescriptor(vcpus, maxVcpus, "host-model", null, sockets, 1, cores, threads, tune));
        }

        /** Any CPU description. */
        public Builder cpu(CpuDescriptor value) {
            descriptor.cpu(Objects.requireNonNull(value, "cpu"));
            return this;
        }

        /** Memory of {@code mebibytes} MiB, maximum and current. */
        public Builder memoryMib(long mebibytes) {
            return memory(MemoryDescriptor.ofMebibytes(mebibytes));
        }

        /** Any memory description. */
        public Builder memory(MemoryDescriptor value) {
            descriptor.memory(Objects.requireNonNull(value, "memory"));
            return this;
        }

        /** OS and firmware. */
        public Builder os(OsDescriptor value) {
            descriptor.os(value);
            return this;
        }

        /** Adds a disk; the first one added replaces the default disk. */
        public Builder disk(DiskDescriptor disk) {
            defaultDisk = false;
            descriptor.disk(Objects.requireNonNull(disk, "disk"));
            return this;
        }

        /** Adds a qcow2 file disk of {@code capacityBytes} at {@code /var/lib/fake/images/<name>-<device>.qcow2}. */
        public Builder disk(String deviceName, long capacityBytes) {
            return disk(fileDisk(deviceName, "/var/lib/fake/images/" + name + "-" + deviceName + ".qcow2",
                    capacityBytes));
        }

        /** No disks at all. */
        public Builder noDisks() {
            defaultDisk = false;
            descriptor.disks(List.of());
            return this;
        }

        /** Adds a NIC; the first one added replaces the default NIC. */
        public Builder nic(NicDescriptor nic) {
            defaultNic = false;
            descriptor.nic(Objects.requireNonNull(nic, "nic"));
            return this;
        }

        /** Adds a virtio NIC with {@code mac} on {@code bridge}. */
        public Builder nic(String mac, String bridge) {
            return nic(bridgeNic(mac, bridge));
        }

        /** No NICs at all. */
        public Builder noNics() {
            defaultNic = false;
            descriptor.nics(List.of());
            return this;
        }

        /** Adds a graphical console; only whether a password is set is ever described. */
        public Builder graphics(String type, boolean passwordSet) {
            descriptor.graphics(new GraphicsDescriptor(type, null, "127.0.0.1", passwordSet));
            return this;
        }

        /** Adds a warning. */
        public Builder warning(DescriptorWarning warning) {
            descriptor.warning(Objects.requireNonNull(warning, "warning"));
            return this;
        }

        /** The descriptor; an instance without a UUID gets a {@link WarningCodes#UUID_MISSING} warning. */
        public InstanceDescriptor build() {
            InstanceDescriptor.Builder finished = descriptor.build().toBuilder();
            if (defaultDisk) {
                finished.disk(fileDisk("vda", "/var/lib/fake/images/" + name + ".qcow2", 10 * GIB));
            }
            if (defaultNic) {
                finished.nic(bridgeNic(freshMac(), "br0"));
            }
            InstanceDescriptor built = finished.build();
            if (built.uuid() == null && built.warnings().stream()
                    .noneMatch(w -> w.code().equals(WarningCodes.UUID_MISSING))) {
                return built.withWarnings(List.of(DescriptorWarning.blocking(WarningCodes.UUID_MISSING,
                        "instance " + name + " has no UUID")));
            }
            return built;
        }
    }
}
