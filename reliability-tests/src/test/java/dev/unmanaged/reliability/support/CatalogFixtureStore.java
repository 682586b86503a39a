package dev.unmanaged.reliability.support;

import dev.unmanaged.tck.CatalogFixture;
import dev.unmanaged.tck.fake.InMemoryInventoryStore;

/** Stores seeded with the conformance kit's catalog fixture. */
public final class CatalogFixtureStore {
    private CatalogFixtureStore() {
    }

    /** An empty in-memory store over {@link CatalogFixture#catalog()}. */
    public static InMemoryInventoryStore inMemory() {
        return new InMemoryInventoryStore(CatalogFixture.catalog());
    }
}
