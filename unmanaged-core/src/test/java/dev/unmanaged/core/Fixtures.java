package dev.unmanaged.core;

import dev.unmanaged.api.instance.CpuDescriptor;
import dev.unmanaged.api.instance.DescriptorWarning;
import dev.unmanaged.api.instance.DiskDescriptor;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.MemoryDescriptor;
import dev.unmanaged.api.instance.NicDescriptor;
import dev.unmanaged.api.instance.OsDescriptor;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.api.inventory.AddressRange;
import dev.unmanaged.api.inventory.Catalog;
import dev.unmanaged.api.inventory.ComputeOffering;
import dev.unmanaged.api.inventory.DiskOffering;
import dev.unmanaged.api.inventory.Network;
import dev.unmanaged.api.inventory.Owner;
import dev.unmanaged.api.inventory.StoragePool;
import dev.unmanaged.api.inventory.Template;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.IpAssignment;
import dev.unmanaged.tck.fake.InMemoryHypervisorProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A small orchestrator catalog and instances to import into it. */
final class Fixtures {
    static final String KIND = InMemoryHypervisorProvider.DEFAULT_HYPERVISOR;
    static final Host H1 = host("h1");
    static final Host H2 = host("h2");
    static final Host H3 = host("h3");

    static final long GIB = 1L << 30;
    static final long MIB = 1L << 20;

    static final Catalog CATALOG = new Catalog(
            List.of(new Owner("alice", "Alice"), new Owner("bob", "Bob")),
            List.of(ComputeOffering.fixed("small", "Small", 2, 2 * GIB),
                    ComputeOffering.custom("flex", "Flexible", 1, 8, 512 * MIB, 16 * GIB),
                    ComputeOffering.fixed("gold", "Gold", 2, 2 * GIB).restrictedTo(Set.of("bob")),
                    ComputeOffering.fixed("fast", "Fast", 2, 2 * GIB).withCpuSpeed(2000, 2000),
                    ComputeOffering.fixed("capped", "Capped", 2, 2 * GIB).withCpuCapped(true),
                    ComputeOffering.custom("flex-speed", "Flexible 1-3 GHz", 1, 8, 512 * MIB, 16 * GIB)
                            .withCpuSpeed(1000, 3000).withCpuCapped(false)),
            List.of(new Network("net1", "Guests", new AddressRange("10.0.0.10", "10.0.0.20"), null, Set.of()),
                    new Network("tiny", "Tiny", new AddressRange("10.9.0.1", "10.9.0.1"), 9, Set.of()),
                    new Network("bobnet", "Bob only", new AddressRange("10.2.0.1", "10.2.0.50"), null, Set.of("bob"))),
            List.of(new StoragePool("images", "Images", "/var/lib/libvirt/images", "default", Set.of()),
                    new StoragePool("fast", "Fast", "/srv/fast", "fast", Set.of())),
            List.of(new DiskOffering("d20", "20 GiB", 20 * GIB, false, Set.of()),
                    new DiskOffering("d5", "5 GiB", 5 * GIB, false, Set.of()),
                    new DiskOffering("dany", "Any size", 0, true, Set.of())),
            List.of(new Template("debian12", "Debian 12", "Debian 12", Set.of())));

    private Fixtures() {
    }

    /** A host of the reference provider, addressed as that provider addresses it. */
    static Host host(String id) {
        return new Host(id, KIND, "memory://" + id);
    }

    /** The reference provider with hosts h1, h2 and h3. */
    static InMemoryHypervisorProvider provider() {
        var provider = new InMemoryHypervisorProvider();
        provider.addHost(H1.id());
        provider.addHost(H2.id());
        provider.addHost(H3.id());
        return provider;
    }

    /** Puts instances on a host of the reference provider. */
    static void put(InMemoryHypervisorProvider provider, Host host, InstanceDescriptor... instances) {
        provider.addHost(host.id());
        for (InstanceDescriptor instance : instances) {
            provider.putInstance(host.id(), instance);
        }
    }

    /** A running instance with 2 vCPUs and 2 GiB, one NIC per MAC and one 10 GiB disk vda per image path. */
    static InstanceDescriptor vm(String name, UUID uuid, List<String> macs, List<String> diskPaths) {
        return vm(name, uuid, 2, 2 * GIB, macs, diskPaths, List.of());
    }

    static InstanceDescriptor vm(String name, UUID uuid, int vcpus, long memory, List<String> macs,
                                 List<String> diskPaths, List<DescriptorWarning> warnings) {
        var nics = new ArrayList<NicDescriptor>();
        for (String mac : macs) {
            nics.add(new NicDescriptor("bridge", mac, "virtio", "br0", List.of(), null, null, null));
        }
        var disks = new ArrayList<DiskDescriptor>();
        for (int i = 0; i < diskPaths.size(); i++) {
            disks.add(new DiskDescriptor("disk", "file", "qcow2", "none", diskPaths.get(i), null, List.of(),
                    "vd" + (char) ('a' + i), "virtio", null, false, false, null, 10 * GIB, 2 * GIB));
        }
        disks.add(new DiskDescriptor("cdrom", "file", "raw", null, null, null, List.of(), "sda", "sata", null,
                true, false, null, null, null));
        return new InstanceDescriptor(uuid, name, null, KIND, "kvm", PowerState.RUNNING, true,
                CpuDescriptor.of(vcpus), MemoryDescriptor.ofBytes(memory),
                new OsDescriptor("hvm", "x86_64", "q35", null, null, List.of("hd")), disks, nics, List.of(),
                warnings, null);
    }

    /** A simple instance named {@code name} on one NIC and one disk under the images pool. */
    static InstanceDescriptor simpleVm(String name, int n) {
        return vm(name, uuid(n), List.of(mac(n)), List.of("/var/lib/libvirt/images/" + name + ".qcow2"));
    }

    static UUID uuid(int n) {
        return UUID.fromString(String.format("00000000-0000-4000-8000-%012d", n));
    }

    static String mac(int n) {
        return String.format("52:54:00:00:%02x:%02x", (n >> 8) & 0xff, n & 0xff);
    }

    /** A request that imports {@link #simpleVm} number {@code n} cleanly onto the fixed offering. */
    static ImportRequest.Builder cleanRequest(Host host, int n) {
        return ImportRequest.builder(host, uuid(n).toString())
                .owner("alice").offering("small").template("debian12")
                .network(mac(n), "net1").ip(mac(n), IpAssignment.auto())
                .pool("vda", "images").diskOffering("vda", "d20");
    }
}
