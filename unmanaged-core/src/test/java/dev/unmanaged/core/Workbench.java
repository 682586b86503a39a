package dev.unmanaged.core;

import dev.unmanaged.tck.fake.InMemoryHypervisorProvider;
import dev.unmanaged.tck.fake.InMemoryInventoryStore;
import java.util.function.UnaryOperator;

/**
 * What most workflow tests run over: the reference provider with hosts h1 to h3, an in-memory store seeded with
 * the fixture catalog, and a facade over both. One per test; close it after.
 */
final class Workbench implements AutoCloseable {
    final InMemoryHypervisorProvider provider = Fixtures.provider();
    final InMemoryInventoryStore store = new InMemoryInventoryStore(Fixtures.CATALOG);
    final UnmanagedInstances instances;

    /** A facade with default settings. */
    Workbench() {
        this(builder -> builder);
    }

    /** A facade with {@code settings} applied on top of the provider and the store. */
    Workbench(UnaryOperator<UnmanagedInstances.Builder> settings) {
        this.instances = settings.apply(UnmanagedInstances.builder().providers(provider).store(store)).build();
    }

    @Override
    public void close() {
        instances.close();
    }
}
