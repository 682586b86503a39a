package dev.unmanaged.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unmanaged.api.inventory.Catalog;
import dev.unmanaged.api.spi.HypervisorInstanceProvider;
import dev.unmanaged.api.spi.InventoryStore;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** An implementer's factory may abort with an assumption (the database or host is absent): the kit skips. */
class AbortedFactoryTest {
    static class StoreWithoutDatabase extends InventoryStoreContract {
        @Override
        protected InventoryStore createStore(Catalog seed) {
            Assumptions.assumeTrue(false, "no database here");
            return null;
        }
    }

    static class ProviderWithoutHost extends HypervisorInstanceProviderContract {
        @Override
        protected HypervisorInstanceProvider createProvider() {
            Assumptions.assumeTrue(false, "no host here");
            return null;
        }

        @Override
        protected TestBed createTestBed(HypervisorInstanceProvider provider) {
            throw new AssertionError("not reached");
        }
    }

    @Test
    @DisplayName("a store factory that aborts skips every store test, none errors in the clean-up")
    void storeFactoryAborts() {
        KitRun run = KitRun.of(StoreWithoutDatabase.class);

        assertThat(run.outcomes()).isNotEmpty();
        assertThat(run.failed()).as("failures:\n%s", run.failureReport()).isEmpty();
        assertThat(run.aborted()).hasSameSizeAs(run.outcomes());
    }

    @Test
    @DisplayName("a provider factory that aborts skips every provider test, none errors in the clean-up")
    void providerFactoryAborts() {
        KitRun run = KitRun.of(ProviderWithoutHost.class);

        assertThat(run.outcomes()).isNotEmpty();
        assertThat(run.failed()).as("failures:\n%s", run.failureReport()).isEmpty();
        assertThat(run.aborted()).hasSameSizeAs(run.outcomes());
    }
}
