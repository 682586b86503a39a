package dev.unmanaged.cli.session;

import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.cli.CliFailure;
import dev.unmanaged.cli.ExitCodes;
import dev.unmanaged.core.ProviderRegistry;
import dev.unmanaged.core.UnmanagedInstances;
import dev.unmanaged.inventory.jdbc.JdbcInventoryStore;
import dev.unmanaged.json.DemoCatalog;
import dev.unmanaged.kvm.KvmInstanceProvider;
import dev.unmanaged.kvm.KvmProviderOptions;
import dev.unmanaged.vsphere.VsphereEndpoint;
import dev.unmanaged.vsphere.VsphereInstanceProvider;
import dev.unmanaged.vsphere.VsphereProviderOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What one command run works with, opened on first use and closed at the end: the inventory store, the
 * providers found on the class path, and the library's facade over both.
 */
public final class Session implements AutoCloseable {
    private final UnmanagedHome home;
    /** Where a run that waits for the embedded database says so; stderr keeps stdout clean for --json. */
    private final java.io.PrintStream waitNotice = System.err;
    private final String storeUrl;
    private JdbcInventoryStore store;
    private ProviderRegistry providers;
    private UnmanagedInstances instances;
    private Host demoHost;
    private int bulkConcurrency = UnmanagedInstances.DEFAULT_BULK_CONCURRENCY;

    private Session(UnmanagedHome home, String storeUrl) {
        this.home = home;
        this.storeUrl = storeUrl;
    }

    /** A session for the options given; nothing is opened yet. */
    public static Session of(CommonOptions options) {
        String url = options.storeUrl();
        if (url != null && !url.startsWith("jdbc:")) {
            throw new CliFailure(ExitCodes.USAGE, "--store: found '" + url
                    + "', expected a JDBC URL such as jdbc:postgresql://host:5432/db?user=u&password=p");
        }
        return new Session(UnmanagedHome.fromEnvironment(), url);
    }

    /** The tool's home directory. */
    public UnmanagedHome home() {
        return home;
    }

    /**
     * The inventory store. The default embedded store is created on first use and seeded with the demo catalog
     * while its catalog is empty; a store named with --store is used as it is. An embedded H2 file, the default
     * or a named one, is opened as {@link EmbeddedInventory} says: runs take turns, and a damaged file is refused.
     */
    public JdbcInventoryStore store() {
        if (store == null) {
            if (storeUrl == null) {
                store = EmbeddedInventory.in(inventoryDirectory()).open(waitNotice);
                store.seedIfEmpty(DemoCatalog.catalog());
            } else {
                store = EmbeddedInventory.named(storeUrl)
                        .map(embedded -> embedded.open(waitNotice))
                        .orElseGet(() -> JdbcInventoryStore.open(storeUrl));
            }
        }
        return store;
    }

    /** The default inventory's directory under the tool's home, created private to the user when missing. */
    private Path inventoryDirectory() {
        Path directory = home.inventoryDirectory().toAbsolutePath();
        try {
            PrivateFiles.createDirectories(directory);
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.UNREACHABLE, "cannot create the inventory directory " + directory + ": "
                    + e + " (set " + UnmanagedHome.VARIABLE + " to a writable directory)");
        }
        return directory;
    }

    /**
     * The library's facade over the providers on the class path and the store. The KVM provider is built here
     * with libvirt's test driver enabled, for the demo host and {@code --connect test:///…}: the user names the
     * file themselves, and the provider never echoes a node file it cannot load. The vSphere provider is built
     * with the password from {@value VspherePassword#VARIABLE}.
     */
    public UnmanagedInstances instances() {
        if (instances == null) {
            JdbcInventoryStore opened = store();
            providers = ProviderRegistry.load(List.of(
                    new KvmInstanceProvider(KvmProviderOptions.builder().testDriverAllowed(true).build()),
                    new VsphereInstanceProvider(VsphereProviderOptions.of(VspherePassword.fromEnvironment()))));
            instances = UnmanagedInstances.builder()
                    .providers(providers)
                    .store(opened)
                    .bulkConcurrency(bulkConcurrency)
                    .build();
        }
        return instances;
    }

    /** How many bulk items run at once; takes effect when called before {@link #instances()}. */
    public void bulkConcurrency(int items) {
        this.bulkConcurrency = items;
    }

    /**
     * The host at the libvirt URI or {@code vsphere://} address {@code connect}, or the demo host when it is null or
     * {@code demo}. A vSphere address that carries a password is refused: the password comes from
     * {@value VspherePassword#VARIABLE}; so is a libvirt URI with one (libvirt asks for passwords, never reads them
     * from the URI).
     */
    public Host host(String connect) {
        if (connect == null || DemoHost.ID.equals(connect)) {
            return demoHost();
        }
        if (connect.regionMatches(true, 0, VsphereEndpoint.SCHEME + ":", 0, VsphereEndpoint.SCHEME.length() + 1)) {
            try {
                VsphereEndpoint.parse(connect);
            } catch (InvalidRequestException e) {
                throw new CliFailure(ExitCodes.USAGE, "--connect: " + e.getMessage());
            }
            return new Host(connect, VsphereInstanceProvider.HYPERVISOR, connect);
        }
        if (!connect.contains(":")) {
            throw new CliFailure(ExitCodes.USAGE, "--connect: found '" + connect
                    + "', expected a libvirt URI such as qemu+ssh://root@host/system or test:///path/node.xml, or a"
                    + " vSphere address such as vsphere://administrator%40vsphere.local@vc1");
        }
        try {
            return Host.kvm(connect);
        } catch (InvalidRequestException e) {
            throw new CliFailure(ExitCodes.USAGE, "--connect: " + e.getMessage());
        }
    }

    /** The hosts named by repeated --connect options, or the demo host when there are none. */
    public List<Host> hosts(List<String> connect) {
        if (connect == null || connect.isEmpty()) {
            return List.of(demoHost());
        }
        var hosts = new ArrayList<Host>();
        for (String uri : connect) {
            Host host = host(uri);
            if (hosts.stream().noneMatch(h -> h.id().equals(host.id()))) {
                hosts.add(host);
            }
        }
        return hosts;
    }

    private Host demoHost() {
        if (demoHost == null) {
            demoHost = DemoHost.at(home);
        }
        return demoHost;
    }

    @Override
    public void close() {
        if (instances != null) {
            instances.close();
        }
        if (providers != null) {
            providers.close();
        }
        if (store != null) {
            store.close();
        }
    }
}
