package dev.unmanaged.console;

import dev.unmanaged.api.instance.Host;
import dev.unmanaged.core.UnmanagedInstances;
import dev.unmanaged.json.DemoCatalog;
import dev.unmanaged.kvm.KvmInstanceProvider;
import dev.unmanaged.kvm.KvmProviderOptions;
import dev.unmanaged.tck.fake.InMemoryInventoryStore;
import java.nio.file.Path;
import java.util.List;

/**
 * A console server in this JVM over real things: the KVM provider on a host (the tool's demo host through
 * libvirt's test driver, or a live daemon) and an in-memory inventory seeded with the demo catalog.
 */
final class RunningConsole implements AutoCloseable {
    static final String TOKEN = "test-token-0123456789abcdef";

    final InMemoryInventoryStore store = new InMemoryInventoryStore(DemoCatalog.catalog());
    final UnmanagedInstances instances;
    final ConsoleServer server;
    final ApiClient api;

    private RunningConsole(Host host, int maxBodyBytes) {
        instances = UnmanagedInstances.builder()
                .providers(new KvmInstanceProvider(KvmProviderOptions.builder().testDriverAllowed(true).build()))
                .store(store)
                .build();
        server = ConsoleServer.start(ConsoleOptions.loopback(0, AccessToken.of(TOKEN)).withMaxBodyBytes(maxBodyBytes),
                instances, store.catalog(), new ServedHosts(List.of(host)));
        api = new ApiClient(server.uri(), TOKEN);
    }

    /** The tool's demo host: twelve VMs in every state, read by libvirt's test driver from its node file. */
    static Host demoHost() {
        return new Host("demo", "kvm", "test://" + Path.of(System.getProperty("unmanaged.demo.host"))
                .toAbsolutePath().normalize());
    }

    static RunningConsole overDemoHost() {
        return new RunningConsole(demoHost(), ConsoleOptions.DEFAULT_MAX_BODY_BYTES);
    }

    static RunningConsole overDemoHost(int maxBodyBytes) {
        return new RunningConsole(demoHost(), maxBodyBytes);
    }

    static RunningConsole over(Host host) {
        return new RunningConsole(host, ConsoleOptions.DEFAULT_MAX_BODY_BYTES);
    }

    @Override
    public void close() {
        server.close();
        instances.close();
        store.close();
    }
}
