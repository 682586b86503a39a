package dev.unmanaged.tck;

import dev.unmanaged.api.inventory.AddressRange;
import dev.unmanaged.api.inventory.Catalog;
import dev.unmanaged.api.inventory.ComputeOffering;
import dev.unmanaged.api.inventory.DiskOffering;
import dev.unmanaged.api.inventory.Network;
import dev.unmanaged.api.inventory.Owner;
import dev.unmanaged.api.inventory.StoragePool;
import dev.unmanaged.api.inventory.Template;
import java.util.List;
import java.util.Set;

/**
 * A small catalog for tests: two owners, shared and owner-restricted entries of every kind, a wide shared
 * network and a deliberately tiny restricted one (so that exhausting a range is cheap). The ids are constants so
 * that tests read as what they mean.
 */
public final class CatalogFixture {
    /** An owner. */
    public static final String ACME = "acme";
    /** Another owner. */
    public static final String GLOBEX = "globex";

    /** A fixed offering of 1 vCPU and 1 GiB, usable by everyone. */
    public static final String SMALL = "small";
    /** A fixed offering of 2 vCPUs and 2 GiB, usable by everyone. */
    public static final String MEDIUM = "medium";
    /** A custom offering of 1–16 vCPUs and 512 MiB–64 GiB, usable by everyone. */
    public static final String CUSTOM = "custom";
    /** A fixed offering of 4 vCPUs and 8 GiB that only {@link #ACME} may use. */
    public static final String ACME_LARGE = "acme-large";
    /** A fixed offering of 2 vCPUs and 2 GiB at 2000 MHz per vCPU, capped, usable by everyone. */
    public static final String FAST_CAPPED = "fast-capped";
    /** A custom offering of 1–8 vCPUs, 1–16 GiB and 500–3000 MHz per vCPU that does not cap, usable by everyone. */
    public static final String CUSTOM_SPEED = "custom-speed";

    /** An untagged network 10.0.0.10–10.0.0.200, usable by everyone. */
    public static final String SHARED_NET = "shared-net";
    /** A network on VLAN 101 with only the eight addresses 10.1.0.2–10.1.0.9, for {@link #ACME} only. */
    public static final String ACME_NET = "acme-net";
    /**
     * A network on VLAN 102 for {@link #GLOBEX} only, 10.0.0.10–10.0.0.250: isolated, so its addresses overlap
     * {@link #SHARED_NET}'s, as tenants' private networks do.
     */
    public static final String GLOBEX_NET = "globex-net";

    /** A path-based pool covering {@code /var/lib/fake/images}, usable by everyone. */
    public static final String IMAGES_POOL = "images";
    /** A pool the hypervisor calls {@code rbd-fast}, for {@link #ACME} only. */
    public static final String ACME_RBD_POOL = "acme-rbd";

    /** A 20 GiB disk offering, usable by everyone. */
    public static final String DISK_20G = "disk-20g";
    /** A custom-size disk offering, usable by everyone. */
    public static final String DISK_CUSTOM = "disk-custom";

    /** A Debian 12 template, usable by everyone. */
    public static final String DEBIAN = "debian-12";
    /** A Windows Server template for {@link #ACME} only. */
    public static final String ACME_WINDOWS = "acme-windows-2022";

    private static final long MIB = 1024L * 1024L;
    private static final long GIB = 1024L * MIB;

    private CatalogFixture() {
    }

    /** The catalog described by this class's constants. */
    public static Catalog catalog() {
        Set<String> acme = Set.of(ACME);
        Set<String> globex = Set.of(GLOBEX);
        return new Catalog(
                List.of(new Owner(ACME, "Acme Corporation"), new Owner(GLOBEX, "Globex Inc.")),
                List.of(ComputeOffering.fixed(SMALL, "Small", 1, GIB),
                        ComputeOffering.fixed(MEDIUM, "Medium", 2, 2 * GIB),
                        ComputeOffering.custom(CUSTOM, "Custom", 1, 16, 512 * MIB, 64 * GIB),
                        ComputeOffering.fixed(ACME_LARGE, "Acme large", 4, 8 * GIB).restrictedTo(acme),
                        ComputeOffering.fixed(FAST_CAPPED, "Fast, capped", 2, 2 * GIB).withCpuSpeed(2000, 2000)
                                .withCpuCapped(true),
                        ComputeOffering.custom(CUSTOM_SPEED, "Custom 0.5-3 GHz", 1, 8, GIB, 16 * GIB)
                                .withCpuSpeed(500, 3000).withCpuCapped(false)),
                List.of(new Network(SHARED_NET, "Shared", new AddressRange("10.0.0.10", "10.0.0.200"), null, Set.of()),
                        new Network(ACME_NET, "Acme VLAN 101", new AddressRange("10.1.0.2", "10.1.0.9"), 101, acme),
                        new Network(GLOBEX_NET, "Globex VLAN 102", new AddressRange("10.0.0.10", "10.0.0.250"), 102,
                                globex)),
                List.of(new StoragePool(IMAGES_POOL, "Local images", "/var/lib/fake/images", null, Set.of()),
                        new StoragePool(ACME_RBD_POOL, "Acme Ceph", null, "rbd-fast", acme)),
                List.of(new DiskOffering(DISK_20G, "20 GiB", 20 * GIB, false, Set.of()),
                        new DiskOffering(DISK_CUSTOM, "Custom size", 0, true, Set.of())),
                List.of(new Template(DEBIAN, "Debian 12", "Debian 12", Set.of()),
                        new Template(ACME_WINDOWS, "Windows Server 2022", "Windows Server 2022", acme)));
    }
}
