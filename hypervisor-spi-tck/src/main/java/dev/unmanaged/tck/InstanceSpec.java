package dev.unmanaged.tck;

import dev.unmanaged.api.instance.PowerState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a {@link TestBed} must create: an instance's name, state, persistence and hardware. Made with
 * {@link #running(String)} and the {@code with…} methods; each returns a new spec.
 *
 * @param name             the instance name: lower-case letters, digits and hyphens
 * @param state            {@link PowerState#RUNNING}, {@link PowerState#PAUSED} or {@link PowerState#STOPPED}
 * @param persistent       false for a transient instance (never together with {@code STOPPED})
 * @param vcpus            vCPUs, online and maximum
 * @param memoryBytes      memory, maximum and current; a whole number of MiB
 * @param disks            disks in definition order
 * @param nics             NICs in definition order
 * @param graphicsPassword the password of a VNC console the instance gets, null for no console
 */
public record InstanceSpec(String name, PowerState state, boolean persistent, int vcpus, long memoryBytes,
                           List<DiskSpec> disks, List<NicSpec> nics, String graphicsPassword) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final long MIB = 1024L * 1024L;

    /**
     * A disk of the instance.
     *
     * @param deviceName     the guest device, e.g. {@code vda}
     * @param capacityBytes the virtual size, a whole number of MiB
     */
    public record DiskSpec(String deviceName, long capacityBytes) {
        public DiskSpec {
            Objects.requireNonNull(deviceName, "deviceName");
            if (capacityBytes <= 0 || capacityBytes % MIB != 0) {
                throw new IllegalArgumentException("capacity must be a positive whole number of MiB, got "
                        + capacityBytes);
            }
        }
    }

    /**
     * A NIC of the instance.
     *
     * @param mac its MAC address in lower case
     */
    public record NicSpec(String mac) {
        public NicSpec {
            Objects.requireNonNull(mac, "mac");
            if (!mac.matches("[0-9a-f]{2}(:[0-9a-f]{2}){5}")) {
                throw new IllegalArgumentException("mac must be six lower-case hexadecimal pairs, got '" + mac + "'");
            }
        }
    }

    public InstanceSpec {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name must be lower-case letters, digits and hyphens, got '" + name
                    + "'");
        }
        Objects.requireNonNull(state, "state");
        if (state != PowerState.RUNNING && state != PowerState.PAUSED && state != PowerState.STOPPED) {
            throw new IllegalArgumentException("a bed creates running, paused or stopped instances, not " + state);
        }
        if (!persistent && state == PowerState.STOPPED) {
            throw new IllegalArgumentException("a transient instance only exists while it runs; it cannot be "
                    + state);
        }
        if (vcpus < 1) {
            throw new IllegalArgumentException("vcpus must be at least 1, got " + vcpus);
        }
        if (memoryBytes <= 0 || memoryBytes % MIB != 0) {
            throw new IllegalArgumentException("memory must be a positive whole number of MiB, got " + memoryBytes);
        }
        disks = List.copyOf(disks);
        nics = List.copyOf(nics);
    }

    /** A running, persistent instance with 1 vCPU, 256 MiB, one 1 GiB disk {@code vda} and one NIC. */
    public static InstanceSpec running(String name) {
        return new InstanceSpec(name, PowerState.RUNNING, true, 1, 256 * MIB,
                List.of(new DiskSpec("vda", 1024 * MIB)), List.of(new NicSpec(Macs.fresh())), null);
    }

    /** This spec, paused. */
    public InstanceSpec paused() {
        return inState(PowerState.PAUSED);
    }

    /** This spec, shut off. */
    public InstanceSpec stopped() {
        return inState(PowerState.STOPPED);
    }

    /** This spec in {@code newState}. */
    public InstanceSpec inState(PowerState newState) {
        return new InstanceSpec(name, newState, persistent, vcpus, memoryBytes, disks, nics, graphicsPassword);
    }

    /** This spec, transient. */
    public InstanceSpec transientInstance() {
        return new InstanceSpec(name, state, false, vcpus, memoryBytes, disks, nics, graphicsPassword);
    }

    /** This spec with {@code count} vCPUs. */
    public InstanceSpec withVcpus(int count) {
        return new InstanceSpec(name, state, persistent, count, memoryBytes, disks, nics, graphicsPassword);
    }

    /** This spec with {@code mebibytes} MiB of memory. */
    public InstanceSpec withMemoryMib(long mebibytes) {
        return new InstanceSpec(name, state, persistent, vcpus, mebibytes * MIB, disks, nics, graphicsPassword);
    }

    /** This spec with exactly these disks. */
    public InstanceSpec withDisks(List<DiskSpec> newDisks) {
        return new InstanceSpec(name, state, persistent, vcpus, memoryBytes, newDisks, nics, graphicsPassword);
    }

    /** This spec with one more disk {@code deviceName} of {@code mebibytes} MiB. */
    public InstanceSpec plusDisk(String deviceName, long mebibytes) {
        List<DiskSpec> more = new ArrayList<>(disks);
        more.add(new DiskSpec(deviceName, mebibytes * MIB));
        return withDisks(more);
    }

    /** This spec with exactly these NICs. */
    public InstanceSpec withNics(List<NicSpec> newNics) {
        return new InstanceSpec(name, state, persistent, vcpus, memoryBytes, disks, newNics, graphicsPassword);
    }

    /** This spec with one more NIC of a fresh MAC. */
    public InstanceSpec plusNic() {
        List<NicSpec> more = new ArrayList<>(nics);
        more.add(new NicSpec(Macs.fresh()));
        return withNics(more);
    }

    /** This spec with a VNC console protected by {@code password}. */
    public InstanceSpec withGraphicsPassword(String password) {
        return new InstanceSpec(name, state, persistent, vcpus, memoryBytes, disks, nics,
                Objects.requireNonNull(password, "password"));
    }

    /** The spec without its password, which is a secret even in test output. */
    @Override
    public String toString() {
        return "InstanceSpec[name=" + name + ", state=" + state + ", persistent=" + persistent + ", vcpus=" + vcpus
                + ", memoryBytes=" + memoryBytes + ", disks=" + disks + ", nics=" + nics + ", graphicsPassword="
                + (graphicsPassword == null ? "none" : "(set)") + "]";
    }
}
