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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

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
        return new DiskDescriptor("disk", "file", "qcow2", "none", path, null, List.of(), deviceName, "virtio", null,
                false, false, null, capacityBytes, capacityBytes / 2);
    }

    /** An empty read-only CD-ROM drive on the SATA bus. */
    public static DiskDescriptor emptyCdrom(String deviceName) {
        return new DiskDescriptor("cdrom", "file", "raw", null, null, null, List.of(), deviceName, "sata", null,
                true, false, null, null, null);
    }

    /** A virtio NIC attached to a host bridge. */
    public static NicDescriptor bridgeNic(String mac, String bridge) {
        return new NicDescriptor("bridge", mac, "virtio", bridge, List.of(), null, null, null);
    }

    /** Builds one descriptor; every setter returns this builder. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private UUID uuid = UUID.randomUUID();
        private String hostId;
        private String hypervisor = InMemoryHypervisorProvider.DEFAULT_HYPERVISOR;
        private String domainType = "fake";
        private PowerState powerState = PowerState.RUNNING;
        private Boolean persistent = Boolean.TRUE;
        private CpuDescriptor cpu = CpuDescriptor.of(2);
        private MemoryDescriptor memory = MemoryDescriptor.ofBytes(2 * GIB);
        private OsDescriptor os = new OsDescriptor("hvm", "x86_64", "pc-q35-8.2", Firmware.BIOS, null, List.of("hd"));
        private List<DiskDescriptor> disks;
        private List<NicDescriptor> nics;
        private final List<GraphicsDescriptor> graphics = new ArrayList<>();
        private final List<DescriptorWarning> warnings = new ArrayList<>();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** The UUID; null makes an instance without one (and adds the matching warning). */
        public Builder uuid(UUID value) {
            this.uuid = value;
            return this;
        }

        /** The host id the descriptor says it was listed on. */
        public Builder hostId(String value) {
            this.hostId = value;
            return this;
        }

        /** The hypervisor kind, {@code fake} by default. */
        public Builder hypervisor(String value) {
            this.hypervisor = Objects.requireNonNull(value, "hypervisor");
            return this;
        }

        /** The hypervisor's own type of the instance. */
        public Builder domainType(String value) {
            this.domainType = value;
            return this;
        }

        /** The power state, running by default. */
        public Builder powerState(PowerState value) {
            this.powerState = Objects.requireNonNull(value, "powerState");
            return this;
        }

        /** Persistent (true, the default) or transient (false). */
        public Builder persistent(boolean value) {
            this.persistent = value;
            return this;
        }

        /** A transient instance: it exists only while it runs. */
        public Builder transientInstance() {
            return persistent(false);
        }

        /** {@code vcpus} online and at most. */
        public Builder vcpus(int vcpus) {
            this.cpu = CpuDescriptor.of(vcpus);
            return this;
        }

        /** A full CPU description: {@code vcpus} online of {@code maxVcpus}, with a topology and tuning. */
        public Builder cpu(int vcpus, int maxVcpus, int sockets, int cores, int threads, CpuTune tune) {
            this.cpu = new CpuDescriptor(vcpus, maxVcpus, "host-model", null, sockets, 1, cores, threads, tune);
            return this;
        }

        /** Any CPU description. */
        public Builder cpu(CpuDescriptor value) {
            this.cpu = Objects.requireNonNull(value, "cpu");
            return this;
        }

        /** Memory of {@code mebibytes} MiB, maximum and current. */
        public Builder memoryMib(long mebibytes) {
            this.memory = MemoryDescriptor.ofMebibytes(mebibytes);
            return this;
        }

        /** Any memory description. */
        public Builder memory(MemoryDescriptor value) {
            this.memory = Objects.requireNonNull(value, "memory");
            return this;
        }

        /** OS and firmware. */
        public Builder os(OsDescriptor value) {
            this.os = value;
            return this;
        }

        /** Adds a disk; the first one added replaces the default disk. */
        public Builder disk(DiskDescriptor disk) {
            if (disks == null) {
                disks = new ArrayList<>();
            }
            disks.add(Objects.requireNonNull(disk, "disk"));
            return this;
        }

        /** Adds a qcow2 file disk of {@code capacityBytes} at {@code /var/lib/fake/images/<name>-<target>.qcow2}. */
        public Builder disk(String deviceName, long capacityBytes) {
            return disk(fileDisk(deviceName, "/var/lib/fake/images/" + name + "-" + deviceName + ".qcow2",
                    capacityBytes));
        }

        /** No disks at all. */
        public Builder noDisks() {
            disks = new ArrayList<>();
            return this;
        }

        /** Adds a NIC; the first one added replaces the default NIC. */
        public Builder nic(NicDescriptor nic) {
            if (nics == null) {
                nics = new ArrayList<>();
            }
            nics.add(Objects.requireNonNull(nic, "nic"));
            return this;
        }

        /** Adds a virtio NIC with {@code mac} on {@code bridge}. */
        public Builder nic(String mac, String bridge) {
            return nic(bridgeNic(mac, bridge));
        }

        /** No NICs at all. */
        public Builder noNics() {
            nics = new ArrayList<>();
            return this;
        }

        /** Adds a graphical console; only whether a password is set is ever described. */
        public Builder graphics(String type, boolean passwordSet) {
            graphics.add(new GraphicsDescriptor(type, null, "127.0.0.1", passwordSet));
            return this;
        }

        /** Adds a warning. */
        public Builder warning(DescriptorWarning warning) {
            warnings.add(Objects.requireNonNull(warning, "warning"));
            return this;
        }

        /** The descriptor. */
        public InstanceDescriptor build() {
            List<DiskDescriptor> finalDisks = disks != null ? disks
                    : List.of(fileDisk("vda", "/var/lib/fake/images/" + name + ".qcow2", 10 * GIB));
            List<NicDescriptor> finalNics = nics != null ? nics : List.of(bridgeNic(freshMac(), "br0"));
            List<DescriptorWarning> finalWarnings = new ArrayList<>(warnings);
            if (uuid == null && finalWarnings.stream()
                    .noneMatch(w -> w.code().equals(WarningCodes.UUID_MISSING))) {
                finalWarnings.add(DescriptorWarning.blocking(WarningCodes.UUID_MISSING,
                        "instance " + name + " has no UUID"));
            }
            return new InstanceDescriptor(uuid, name, hostId, hypervisor, domainType, powerState, persistent, cpu,
                    memory, os, finalDisks, finalNics, graphics, finalWarnings);
        }
    }
}
