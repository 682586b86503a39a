package dev.unmanaged.inventory.jdbc;

import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.inventory.AddressRange;
import dev.unmanaged.api.inventory.Catalog;
import dev.unmanaged.api.inventory.ComputeOffering;
import dev.unmanaged.api.inventory.DiskOffering;
import dev.unmanaged.api.inventory.ManagedDisk;
import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.inventory.ManagedNic;
import dev.unmanaged.api.inventory.Network;
import dev.unmanaged.api.inventory.Owner;
import dev.unmanaged.api.inventory.StoragePool;
import dev.unmanaged.api.inventory.Template;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A small catalog and instances that fit it. */
final class TestData {
    static final String NET_A = "net-a";
    static final String NET_B = "net-b";
    static final String TINY_NET = "tiny";
    static final Host HOST = new Host("kvm-1", "kvm", "qemu+ssh://root@kvm-1/system");

    private TestData() {
    }

    static Catalog catalog() {
        return new Catalog(
                List.of(new Owner("acme", "ACME"), new Owner("globex", "Globex")),
                List.of(ComputeOffering.fixed("small", "Small", 1, 1L << 30),
                        ComputeOffering.custom("custom", "Custom", 1, 16, 256L << 20, 64L << 30)
                                .restrictedTo(Set.of("acme"))),
                List.of(new Network(NET_A, "Network A", new AddressRange("10.0.0.10", "10.0.0.250"), 100, Set.of()),
                        new Network(NET_B, "Network B", new AddressRange("10.1.0.1", "10.1.0.9"), null,
                                Set.of("acme", "globex")),
                        new Network(TINY_NET, "Tiny", new AddressRange("192.168.7.1", "192.168.7.3"), 7, Set.of())),
                List.of(new StoragePool("images", "Images", "/var/lib/libvirt/images", "default", Set.of()),
                        new StoragePool("rbd", "RBD", null, "rbd", Set.of("globex"))),
                List.of(new DiskOffering("d20", "20 GiB", 20L << 30, false, Set.of()),
                        new DiskOffering("any", "Any", 0, true, Set.of("acme"))),
                List.of(new Template("debian-12", "Debian 12", "Debian 12", Set.of())));
    }

    /** An instance on {@link #HOST} with one disk and one NIC on {@link #NET_A}. */
    static ManagedInstance instance(UUID uuid, String name, String mac, String ip) {
        return new ManagedInstance(uuid, name, name.toUpperCase(), HOST, "acme", "small", "debian-12", 1, 1L << 30,
                List.of(new ManagedNic(mac, NET_A, ip)),
                List.of(new ManagedDisk("vda", "/var/lib/libvirt/images/" + name + ".qcow2", "images", "d20",
                        10L << 30), new ManagedDisk("vdb", "/var/lib/libvirt/images/" + name + "-data.raw", "images",
                        null, null)),
                Instant.parse("2026-11-25T09:30:00.123456789Z"));
    }

    /** A MAC address derived from {@code n}. */
    static String mac(int n) {
        return String.format("52:54:00:%02x:%02x:%02x", (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
    }
}
