package dev.unmanaged.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The kits are only worth something if a wrong implementation fails them. Each test runs a kit against one
 * deliberately broken provider or store on the JUnit Platform and checks that the test aimed at that bug fails,
 * with an assertion message that points at the bug, while an unrelated test still passes.
 */
@DisplayName("The kits fail broken implementations for the right reason")
class KitBitesTest {
    private static final String RUNNING_LISTED =
            "a running persistent instance is listed with its power state, persistence, vCPUs, memory, disks and NICs";
    private static final String INSERT_AND_FIND =
            "an inserted instance is found by UUID, by name and in the list, exactly as inserted";

    private static final String WATCH_LIFE =
            "a watch reports an instance that appears, stops and is removed, each change exactly once";

    private static final String CHURN_LISTING = "listing while instances appear, stop and disappear never fails, "
            + "never drops a steady instance and never invents or repeats one";

    @Nested
    @DisplayName("Provider contract")
    class ProviderKit {
        @Test
        @DisplayName("a provider that drops shut-off instances fails the stopped-instance listing test")
        void dropsStoppedInstances() {
            KitRun run = KitRun.of(BrokenProviders.DropsStoppedInstances.class);
            assertCaught(run, "a stopped (shut off) persistent instance is listed as stopped", "is missing from the listing");
            assertCaught(run, "a persistent instance that shuts down is then listed as stopped", "is missing from the listing");
            assertStillPasses(run, RUNNING_LISTED);
        }

        @Test
        @DisplayName("a watch that drops removals fails the watch test at the removal, within its deadline")
        void watchDropsRemovals() {
            KitRun run = KitRun.of(BrokenProviders.WatchDropsRemovals.class);
            assertCaught(run, WATCH_LIFE, "the states the watch reported");
            assertStillPasses(run, "a watch first lists the host in full, with the instances already there");
        }

        @Test
        @DisplayName("a watch that reports stale states after fresh ones fails the watch test")
        void watchRepeatsStaleStates() {
            KitRun run = KitRun.of(BrokenProviders.WatchRepeatsStaleStates.class);
            assertCaught(run, WATCH_LIFE, "the states the watch reported");
            assertStillPasses(run, "a watch first lists the host in full, with the instances already there");
        }

        @Test
        @DisplayName("a provider whose unmanage preparation is not idempotent fails the idempotence test")
        void prepareNotIdempotent() {
            KitRun run = KitRun.of(BrokenProviders.PrepareNotIdempotent.class);
            assertCaught(run, "preparing a transient instance twice is idempotent: the second time changes nothing",
                    "second preparation");
            assertCaught(run, "preparing a persistent running instance changes nothing and says so, and that it runs",
                    "preparation of the persistent");
            assertStillPasses(run, "a prepared transient instance survives its own shutdown");
        }

        @Test
        @DisplayName("a provider whose preparation drops the console password fails the password-kept test")
        void prepareDropsConsolePassword() {
            KitRun run = KitRun.of(BrokenProviders.PrepareDropsConsolePassword.class);
            assertCaught(run, "a prepared transient instance keeps its console password, also after its own shutdown",
                    "is still the one set");
            assertThat(run.failed()).as("failures of the password-dropping provider:\n%s", run.failureReport())
                    .hasSize(1);
            assertThat(run.failed().get(0).message()).as("the kit's own report").doesNotContain("tck-pw-");
            assertStillPasses(run, "a prepared transient instance survives its own shutdown");
        }

        @Test
        @DisplayName("a provider whose preparation does nothing fails the survive-shutdown test")
        void prepareWithoutEffect() {
            KitRun run = KitRun.of(BrokenProviders.PrepareWithoutEffect.class);
            assertCaught(run, "a prepared transient instance survives its own shutdown", "UUIDs listed after the prepared");
            assertCaught(run, "preparing a transient instance makes it persistent and keeps it running", "persistence of");
            assertStillPasses(run, RUNNING_LISTED);
        }

        @Test
        @DisplayName("a provider that leaks the graphics password into a descriptor fails the secrets test")
        void leaksGraphicsPassword() {
            KitRun run = KitRun.of(BrokenProviders.LeaksGraphicsPassword.class);
            assertCaught(run, "no descriptor, nor its text form, contains the graphics password the test bed set",
                    "contains the secret graphics password");
            assertThat(run.failed()).as("failures of the leaking provider:\n%s", run.failureReport()).hasSize(1);
            assertThat(run.failed().get(0).message()).as("the kit's own report of the leak")
                    .doesNotContain("tck-pw-");
        }

        @Test
        @DisplayName("a provider that shows an unreachable host as empty fails the unreachable-host test")
        void emptyListingForUnreachableHost() {
            KitRun run = KitRun.of(BrokenProviders.EmptyListingForUnreachableHost.class);
            assertCaught(run, "an unreachable host fails with HostUnavailableException, never with an empty listing",
                    "what listing the unreachable host");
            assertStillPasses(run, RUNNING_LISTED);
        }

        @Test
        @DisplayName("a provider that throws an untyped error for an unknown instance fails the not-found tests")
        void untypedNotFound() {
            KitRun run = KitRun.of(BrokenProviders.UntypedNotFound.class);
            assertCaught(run, "describing an unknown UUID fails with InstanceNotFoundException naming it",
                    "NoSuchElementException");
            assertCaught(run, "describing an unknown name fails with InstanceNotFoundException naming it",
                    "InstanceNotFoundException");
            assertStillPasses(run, RUNNING_LISTED);
        }

        @Test
        @DisplayName("a provider that invents an instance fails the listing-during-churn test")
        void inventsInstances() {
            KitRun run = KitRun.of(BrokenProviders.InventsInstances.class);
            assertCaught(run, CHURN_LISTING, "instances the host really had");
            assertStillPasses(run, RUNNING_LISTED);
        }

        @Test
        @DisplayName("a provider that lists a changing instance twice fails the listing-during-churn test")
        void repeatsChangingInstances() {
            KitRun run = KitRun.of(BrokenProviders.RepeatsChangingInstances.class);
            assertCaught(run, CHURN_LISTING, "each listed once");
            assertThat(run.failed()).as("failures of the repeating provider:\n%s", run.failureReport()).hasSize(1);
        }

        @Test
        @DisplayName("a provider without optional capabilities has those tests skipped, none failed")
        void withoutCapabilities() {
            KitRun run = KitRun.of(BrokenProviders.WithoutCapabilities.class);
            assertThat(run.failed()).as("failures:\n%s", run.failureReport()).isEmpty();
            assertThat(run.aborted()).extracting(KitRun.Outcome::displayName).as("skipped tests").contains(
                    "a paused instance is listed as paused",
                    "a transient running instance is listed as not persistent",
                    "disk capacities are reported as created",
                    "a prepared transient instance survives its own shutdown");
            assertStillPasses(run, "no descriptor, nor its text form, contains the graphics password the test bed set");
        }
    }

    @Nested
    @DisplayName("Store contract")
    class StoreKit {
        @Test
        @DisplayName("a store that accepts a double import fails both import-once tests")
        void acceptsDoubleImport() {
            KitRun run = KitRun.of(BrokenStores.AcceptsDoubleImport.class);
            assertCaught(run, "the same instance inserted twice in sequence succeeds once; the second gets "
                    + "AlreadyManagedException", "the second import");
            assertCaught(run, "the same instance inserted from 16 threads at once succeeds exactly once; 15 get "
                    + "AlreadyManagedException", "successful imports of one instance from 16 threads");
            assertStillPasses(run, INSERT_AND_FIND);
        }

        @Test
        @DisplayName("a store without a unique constraint on a network's IPs fails the IP-once test")
        void ignoresIpConflicts() {
            KitRun run = KitRun.of(BrokenStores.IgnoresIpConflicts.class);
            assertCaught(run, "an IP is reserved once per network: another instance gets AddressInUseException "
                    + "naming the network and address", "importing a second instance with IP 10.0.0.50");
            assertStillPasses(run, "a MAC is reserved once per network: another instance gets AddressInUseException "
                    + "of kind MAC");
            assertStillPasses(run, INSERT_AND_FIND);
        }

        @Test
        @DisplayName("a store whose failed unit of work leaves a row fails the atomicity tests")
        void failedUnitLeavesRows() {
            KitRun run = KitRun.of(BrokenStores.FailedUnitLeavesRows.class);
            assertCaught(run, "a unit that throws leaves nothing behind: no instance, no MAC, no IP, and the same "
                    + "exception", "after its unit failed");
            assertCaught(run, "a unit refused midway by a conflict leaves nothing of its earlier writes",
                    "after its unit failed");
            assertStillPasses(run, INSERT_AND_FIND);
        }

        @Test
        @DisplayName("a store whose removal keeps the addresses fails the release test")
        void removalKeepsAddresses() {
            KitRun run = KitRun.of(BrokenStores.RemovalKeepsAddresses.class);
            assertCaught(run, "removing an instance releases its MAC and IP reservations for others to take",
                    "after removal");
            assertStillPasses(run, INSERT_AND_FIND);
        }

        @Test
        @DisplayName("a store that hands out one free address twice fails the free-address test")
        void freeAddressTwice() {
            KitRun run = KitRun.of(BrokenStores.FreeAddressFromCommittedState.class);
            assertCaught(run, "a free address is the lowest one not reserved, in the catalog and when reserved",
                    "two free IPs reserved in one unit");
            assertStillPasses(run, INSERT_AND_FIND);
        }

        @Test
        @DisplayName("a store whose catalog drops owner restrictions fails the ownership test")
        void catalogLosesOwnership() {
            KitRun run = KitRun.of(BrokenStores.CatalogLosesOwnership.class);
            assertCaught(run, "restricted entries keep their owners: usable by them only, shared ones by everyone",
                    "usable by globex");
            assertStillPasses(run, INSERT_AND_FIND);
        }
    }

    @Nested
    @DisplayName("Reference implementations")
    class ReferenceImplementations {
        @Test
        @DisplayName("the in-memory provider passes every provider test when run the same way")
        void providerPasses() {
            KitRun run = KitRun.of(InMemoryProviderConformanceTest.class);
            assertThat(run.failed()).as("failures:\n%s", run.failureReport()).isEmpty();
            assertThat(run.aborted()).as("skipped tests").isEmpty();
            assertThat(run.passed()).as("passed tests").hasSizeGreaterThan(30);
        }

        @Test
        @DisplayName("the in-memory store passes every store test when run the same way")
        void storePasses() {
            KitRun run = KitRun.of(InMemoryStoreConformanceTest.class);
            assertThat(run.failed()).as("failures:\n%s", run.failureReport()).isEmpty();
            assertThat(run.passed()).as("passed tests").hasSizeGreaterThan(30);
        }
    }

    private static void assertCaught(KitRun run, String test, String reason) {
        assertThat(run.outcomes()).extracting(KitRun.Outcome::displayName).as("tests the kit ran").contains(test);
        assertThat(run.failure(test)).as("failure of \"%s\"; the run's failures were:\n%s", test, run.failureReport())
                .isPresent();
        assertThat(run.failure(test).orElseThrow().message()).as("why \"%s\" failed", test).contains(reason);
    }

    private static void assertStillPasses(KitRun run, String test) {
        List<String> passed = run.passed().stream().map(KitRun.Outcome::displayName).toList();
        assertThat(passed).as("passed tests; the run's failures were:\n%s", run.failureReport()).contains(test);
    }
}
