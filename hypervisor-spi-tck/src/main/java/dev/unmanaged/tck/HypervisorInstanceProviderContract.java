package dev.unmanaged.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import dev.unmanaged.api.error.HostUnavailableException;
import dev.unmanaged.api.error.InstanceNotFoundException;
import dev.unmanaged.api.error.UnmanagedException;
import dev.unmanaged.api.instance.DiskDescriptor;
import dev.unmanaged.api.instance.GraphicsDescriptor;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.NicDescriptor;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.api.spi.HostChangeFeed;
import dev.unmanaged.api.spi.HypervisorInstanceProvider;
import dev.unmanaged.api.spi.ListingDetail;
import dev.unmanaged.api.spi.ProviderCapability;
import dev.unmanaged.api.spi.UnmanagePreparation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The conformance kit for a {@link HypervisorInstanceProvider}. Extend it with a concrete test class that says how
 * to make the provider under test and a {@link TestBed} that creates real instances on a host it serves:
 *
 * <pre>{@code
 * class MyProviderConformanceTest extends HypervisorInstanceProviderContract {
 *     protected HypervisorInstanceProvider createProvider() { return new MyProvider(); }
 *     protected TestBed createTestBed(HypervisorInstanceProvider provider) { return new MyTestBed(); }
 * }
 * }</pre>
 *
 * <p>Each test gets a fresh provider and bed, creates the instances it needs (named {@code tck-…}), and removes
 * them afterwards. The host may hold other instances; the kit only reasons about its own and never claims a
 * listing is complete beyond them. Behaviour a hypervisor may lack is keyed to {@link ProviderCapability}: a test
 * that needs an absent capability is skipped with an assumption, never excluded by name.
 */
@DisplayName("Hypervisor instance provider contract")
public abstract class HypervisorInstanceProviderContract {
    /** For a provider's test class, which extends this kit and supplies the provider and the host. */
    protected HypervisorInstanceProviderContract() {
    }

    /** Upper bound on waiting for threads the kit starts; reached only when a provider hangs. */
    private static final long HANG_GUARD_SECONDS = 120;
    private static final int LISTING_THREADS = 16;
    private static final int CHURN_ROUNDS = 12;

    private HypervisorInstanceProvider provider;
    private TestBed bed;
    private Host host;
    private final List<UUID> created = new CopyOnWriteArrayList<>();
    private final List<HostChangeFeed> feeds = new CopyOnWriteArrayList<>();

    /** The provider under test; called before each test. */
    protected abstract HypervisorInstanceProvider createProvider();

    /** A bed on a host that {@code provider} serves; called before each test, after {@link #createProvider()}. */
    protected abstract TestBed createTestBed(HypervisorInstanceProvider provider);

    /** How long a watched change may take to be reported (the watch group); 30 s unless overridden. */
    protected Duration watchDeadline() {
        return Duration.ofSeconds(30);
    }

    @BeforeEach
    void setUpProviderAndBed() {
        provider = Objects.requireNonNull(createProvider(), "createProvider() returned null");
        bed = Objects.requireNonNull(createTestBed(provider), "createTestBed() returned null");
        host = Objects.requireNonNull(bed.host(), "the test bed has no host");
    }

    /** Removes every instance even when one removal fails, then closes bed and provider; reports the first error. */
    @AfterEach
    void removeCreatedInstances() throws Exception {
        feeds.forEach(HostChangeFeed::close);
        feeds.clear();
        RuntimeException first = null;
        for (UUID uuid : created) {
            try {
                bed.remove(uuid);
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        created.clear();
        // A factory that aborted (e.g. an assumption about the host failed) leaves nothing to close.
        try {
            if (bed != null) {
                bed.close();
            }
        } finally {
            if (provider != null) {
                provider.close();
            }
        }
        if (first != null) {
            throw first;
        }
    }

    // ---- groups ------------------------------------------------------------------------------------------

    @Nested
    @DisplayName("Listing")
    class Listing {
        @Test
        @DisplayName("a running persistent instance is listed with its power state, persistence, vCPUs, memory, disks and NICs")
        void runningPersistent() {
            Created vm = create(InstanceSpec.running(uniqueName("run")).withVcpus(2).withMemoryMib(512));
            assertDescribes(listed(vm), vm, PowerState.RUNNING, true);
        }

        @Test
        @DisplayName("a stopped (shut off) persistent instance is listed as stopped")
        void stoppedPersistent() {
            Created vm = create(InstanceSpec.running(uniqueName("off")).stopped());
            assertDescribes(listed(vm), vm, PowerState.STOPPED, true);
        }

        @Test
        @DisplayName("a paused instance is listed as paused")
        void paused() {
            requires(ProviderCapability.PAUSE);
            Created vm = create(InstanceSpec.running(uniqueName("pause")).paused());
            assertDescribes(listed(vm), vm, PowerState.PAUSED, true);
        }

        @Test
        @DisplayName("a transient running instance is listed as not persistent")
        void transientRunning() {
            requires(ProviderCapability.TRANSIENT_INSTANCES);
            Created vm = create(InstanceSpec.running(uniqueName("trans")).transientInstance());
            assertDescribes(listed(vm), vm, PowerState.RUNNING, false);
        }

        @Test
        @DisplayName("one listing holds instances in every state at once, each with its own state")
        void everyStateInOneListing() {
            List<Created> vms = new ArrayList<>();
            vms.add(create(InstanceSpec.running(uniqueName("mix-run"))));
            vms.add(create(InstanceSpec.running(uniqueName("mix-off")).stopped()));
            if (has(ProviderCapability.PAUSE)) {
                vms.add(create(InstanceSpec.running(uniqueName("mix-pause")).paused()));
            }
            if (has(ProviderCapability.TRANSIENT_INSTANCES)) {
                vms.add(create(InstanceSpec.running(uniqueName("mix-trans")).transientInstance()));
            }
            List<InstanceDescriptor> listing = provider.listInstances(host);
            for (Created vm : vms) {
                assertDescribes(only(listing, vm), vm, vm.spec().state(), vm.spec().persistent());
            }
        }

        @Test
        @DisplayName("several disks and NICs are listed in definition order")
        void severalDisksAndNics() {
            Created vm = create(InstanceSpec.running(uniqueName("multi"))
                    .plusDisk("vdb", 2048).plusDisk("vdc", 512).plusNic().plusNic());
            assertDescribes(listed(vm), vm, PowerState.RUNNING, true);
        }

        @Test
        @DisplayName("an instance without disks or NICs is still listed")
        void noDisksNoNics() {
            Created vm = create(InstanceSpec.running(uniqueName("bare")).withDisks(List.of()).withNics(List.of()));
            assertDescribes(listed(vm), vm, PowerState.RUNNING, true);
        }

        @Test
        @DisplayName("disk capacities are reported as created")
        void diskSizes() {
            requires(ProviderCapability.DISK_SIZES);
            Created vm = create(InstanceSpec.running(uniqueName("sizes")).plusDisk("vdb", 3072));
            List<DiskDescriptor> disks = disksOf(listed(vm));
            for (int i = 0; i < vm.spec().disks().size(); i++) {
                assertThat(disks.get(i).capacityBytes())
                        .as("capacity of disk %s of %s", disks.get(i).deviceName(), vm)
                        .isEqualTo(vm.spec().disks().get(i).capacityBytes());
            }
        }

        @Test
        @DisplayName("every listed instance names the host and the provider's hypervisor kind")
        void hostAndHypervisor() {
            create(InstanceSpec.running(uniqueName("where")));
            assertThat(provider.listInstances(host)).isNotEmpty().allSatisfy(d -> {
                assertThat(d.hostId()).as("host id of listed instance %s", d.name()).isEqualTo(host.id());
                assertThat(d.hypervisor()).as("hypervisor of listed instance %s", d.name())
                        .isEqualTo(provider.hypervisor());
            });
        }
    }

    @Nested
    @DisplayName("Describing")
    class Describing {
        @Test
        @DisplayName("an instance is described by its UUID")
        void byUuid() {
            Created vm = create(InstanceSpec.running(uniqueName("by-uuid")));
            assertDescribes(provider.describeInstance(host, vm.uuid().toString()), vm, PowerState.RUNNING, true);
        }

        @Test
        @DisplayName("an instance is described by its UUID written in upper case")
        void byUpperCaseUuid() {
            Created vm = create(InstanceSpec.running(uniqueName("by-upper")));
            InstanceDescriptor d = provider.describeInstance(host, vm.uuid().toString().toUpperCase(Locale.ROOT));
            assertThat(d.uuid()).as("UUID of the instance described by upper-case UUID").isEqualTo(vm.uuid());
        }

        @Test
        @DisplayName("an instance is described by its name")
        void byName() {
            Created vm = create(InstanceSpec.running(uniqueName("by-name")));
            assertDescribes(provider.describeInstance(host, vm.spec().name()), vm, PowerState.RUNNING, true);
        }

        @Test
        @DisplayName("a stopped instance is described as stopped")
        void stopped() {
            Created vm = create(InstanceSpec.running(uniqueName("desc-off")).stopped());
            assertDescribes(provider.describeInstance(host, vm.uuid().toString()), vm, PowerState.STOPPED, true);
        }

        @Test
        @DisplayName("describing agrees with listing on identity, state and hardware")
        void agreesWithListing() {
            Created vm = create(InstanceSpec.running(uniqueName("agree")).plusDisk("vdb", 1024).plusNic());
            InstanceDescriptor listed = listed(vm);
            InstanceDescriptor described = provider.describeInstance(host, vm.uuid().toString());
            // Warnings, disk allocation and the balloon size may honestly change between two calls on a live host;
            // guest addresses and storage details (snapshots, disk pools, block jobs, the chains of stopped
            // instances) are read by describe always, by a listing only when asked.
            assertThat(described).as("described %s compared with its listing", vm)
                    .usingRecursiveComparison()
                    .ignoringFields("warnings", "disks.allocationBytes", "memory.currentBytes", "nics.guestAddresses",
                            "snapshots", "disks.hostPool", "disks.blockJob", "disks.backingChain")
                    .isEqualTo(listed);
            InstanceDescriptor listedWithStorage = provider.listInstances(host, Set.of(ListingDetail.STORAGE))
                    .stream().filter(d -> vm.uuid().equals(d.uuid())).findFirst().orElseThrow();
            assertThat(described).as("described %s compared with a listing that read storage details", vm)
                    .usingRecursiveComparison()
                    .ignoringFields("warnings", "disks.allocationBytes", "memory.currentBytes", "nics.guestAddresses",
                            "disks.blockJob")
                    .isEqualTo(listedWithStorage);
        }

        @Test
        @DisplayName("a listing carries guest addresses only when asked, and then those describe gives")
        void guestAddressesOnlyWhenAsked() {
            requires(ProviderCapability.GUEST_ADDRESSES);
            Created vm = create(InstanceSpec.running(uniqueName("addr")).plusNic());
            InstanceDescriptor plain = listed(vm);
            InstanceDescriptor asked = only(provider.listInstances(host, Set.of(ListingDetail.GUEST_ADDRESSES)), vm);
            InstanceDescriptor described = provider.describeInstance(host, vm.uuid().toString());

            assertThat(plain.nics()).as("NICs of %s listed without guest addresses", vm)
                    .allSatisfy(nic -> assertThat(nic.guestAddresses()).isEmpty());
            assertThat(asked.nics()).as("NICs of %s listed with guest addresses", vm)
                    .extracting(NicDescriptor::guestAddresses)
                    .isEqualTo(described.nics().stream().map(NicDescriptor::guestAddresses).toList());
        }

        @Test
        @DisplayName("a stopped instance has no guest address")
        void stoppedHasNoGuestAddress() {
            requires(ProviderCapability.GUEST_ADDRESSES);
            Created vm = create(InstanceSpec.running(uniqueName("addr-off")).stopped());
            assertThat(provider.describeInstance(host, vm.uuid().toString()).nics())
                    .as("NICs of stopped %s", vm).allSatisfy(nic -> assertThat(nic.guestAddresses()).isEmpty());
        }
    }

    @Nested
    @DisplayName("Power states")
    class PowerStates {
        @Test
        @DisplayName("a persistent instance that shuts down is then listed as stopped")
        void shutDownPersistent() {
            Created vm = create(InstanceSpec.running(uniqueName("halt")));
            bed.shutDown(vm.uuid());
            assertDescribes(listed(vm), vm, PowerState.STOPPED, true);
        }

        @Test
        @DisplayName("a transient instance that shuts down is no longer listed")
        void shutDownTransient() {
            requires(ProviderCapability.TRANSIENT_INSTANCES);
            Created vm = create(InstanceSpec.running(uniqueName("gone")).transientInstance());
            bed.shutDown(vm.uuid());
            assertThat(uuidsOf(provider.listInstances(host)))
                    .as("UUIDs listed after the transient %s shut down", vm).doesNotContain(vm.uuid());
        }

        @Test
        @DisplayName("the power state of each instance is its own, not its neighbour's")
        void statesAreIndependent() {
            Created running = create(InstanceSpec.running(uniqueName("ind-run")));
            Created stopped = create(InstanceSpec.running(uniqueName("ind-off")).stopped());
            List<InstanceDescriptor> listing = provider.listInstances(host);
            assertThat(only(listing, running).powerState()).as("power state of %s", running)
                    .isEqualTo(PowerState.RUNNING);
            assertThat(only(listing, stopped).powerState()).as("power state of %s", stopped)
                    .isEqualTo(PowerState.STOPPED);
        }
    }

    @Nested
    @DisplayName("Identity")
    class Identity {
        @Test
        @DisplayName("UUID and name are the same in every listing and in describe")
        void stableAcrossCalls() {
            Created vm = create(InstanceSpec.running(uniqueName("stable")));
            for (int i = 0; i < 3; i++) {
                InstanceDescriptor d = listed(vm);
                assertThat(d.name()).as("name of %s in listing %d", vm, i).isEqualTo(vm.spec().name());
            }
            InstanceDescriptor byName = provider.describeInstance(host, vm.spec().name());
            assertThat(byName.uuid()).as("UUID of %s described by name", vm).isEqualTo(vm.uuid());
        }

        @Test
        @DisplayName("an instance keeps its UUID when it shuts down")
        void stableAcrossShutdown() {
            Created vm = create(InstanceSpec.running(uniqueName("keep")));
            bed.shutDown(vm.uuid());
            assertThat(provider.describeInstance(host, vm.spec().name()).uuid())
                    .as("UUID of %s after shutdown", vm).isEqualTo(vm.uuid());
        }

        @Test
        @DisplayName("a listing holds each UUID and each name once")
        void noDuplicates() {
            create(InstanceSpec.running(uniqueName("dup-a")));
            create(InstanceSpec.running(uniqueName("dup-b")).stopped());
            List<InstanceDescriptor> listing = provider.listInstances(host);
            List<UUID> uuids = listing.stream().map(InstanceDescriptor::uuid).filter(Objects::nonNull).toList();
            assertThat(uuids).as("UUIDs in the listing of host %s", host.id()).doesNotHaveDuplicates();
            assertThat(listing.stream().map(InstanceDescriptor::name).toList())
                    .as("names in the listing of host %s", host.id()).doesNotHaveDuplicates();
        }
    }

    @Nested
    @DisplayName("Unmanage preparation")
    class UnmanagePreparationGroup {
        @Test
        @DisplayName("preparing a persistent running instance changes nothing and says so, and that it runs")
        void persistentUnchanged() {
            Created vm = create(InstanceSpec.running(uniqueName("prep-pers")));
            UnmanagePreparation prep = provider.prepareForUnmanage(host, vm.uuid());
            assertThat(prep).as("preparation of the persistent %s", vm)
                    .isEqualTo(new UnmanagePreparation(vm.uuid(), false, PowerState.RUNNING));
            assertDescribes(listed(vm), vm, PowerState.RUNNING, true);
        }

        @Test
        @DisplayName("preparing a stopped instance leaves it stopped and defined, and says it is stopped")
        void stoppedUnchanged() {
            Created vm = create(InstanceSpec.running(uniqueName("prep-off")).stopped());
            assertThat(provider.prepareForUnmanage(host, vm.uuid()))
                    .as("preparation of the stopped %s", vm)
                    .isEqualTo(new UnmanagePreparation(vm.uuid(), false, PowerState.STOPPED));
            assertDescribes(listed(vm), vm, PowerState.STOPPED, true);
        }

        @Test
        @DisplayName("preparing a transient instance makes it persistent and keeps it running")
        void transientBecomesPersistent() {
            requires(ProviderCapability.TRANSIENT_INSTANCES);
            Created vm = create(InstanceSpec.running(uniqueName("prep-trans")).transientInstance());
            UnmanagePreparation prep = provider.prepareForUnmanage(host, vm.uuid());
            assertThat(prep).as("preparation of the transient %s", vm)
                    .isEqualTo(new UnmanagePreparation(vm.uuid(), true, PowerState.RUNNING));
            assertDescribes(listed(vm), vm, PowerState.RUNNING, true);
        }

        @Test
        @DisplayName("a prepared transient instance survives its own shutdown")
        void preparedTransientSurvivesShutdown() {
            requires(ProviderCapability.TRANSIENT_INSTANCES);
            Created vm = create(InstanceSpec.running(uniqueName("survive")).transientInstance());
            provider.prepareForUnmanage(host, vm.uuid());
            bed.shutDown(vm.uuid());
            List<InstanceDescriptor> listing = provider.listInstances(host);
            assertThat(uuidsOf(listing)).as("UUIDs listed after the prepared %s shut down", vm)
                    .contains(vm.uuid());
            assertDescribes(only(listing, vm), vm, PowerState.STOPPED, true);
        }

        @Test
        @DisplayName("a prepared transient instance keeps its console password, also after its own shutdown")
        void preparedInstanceKeepsConsolePassword() {
            requires(ProviderCapability.TRANSIENT_INSTANCES);
            String password = "tck-pw-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
            Created vm = create(InstanceSpec.running(uniqueName("locked")).transientInstance()
                    .withGraphicsPassword(password));
            Assumptions.assumeTrue(bed.graphicsPasswordOf(vm.uuid()).isPresent(),
                    "the test bed cannot read an instance's console password");

            provider.prepareForUnmanage(host, vm.uuid());
            boolean keptWhileRunning = password.equals(bed.graphicsPasswordOf(vm.uuid()).orElseThrow().orElse(null));
            bed.shutDown(vm.uuid());
            boolean keptAfterShutdown = password.equals(bed.graphicsPasswordOf(vm.uuid()).orElseThrow().orElse(null));

            // Compared here and reported as yes/no: a failure message must not carry the password either.
            assertThat(keptWhileRunning).as("the console password of prepared %s is still the one set", vm).isTrue();
            assertThat(keptAfterShutdown).as("the console password of prepared %s after its shutdown", vm).isTrue();
        }

        @Test
        @DisplayName("preparing a transient instance twice is idempotent: the second time changes nothing")
        void idempotentForTransient() {
            requires(ProviderCapability.TRANSIENT_INSTANCES);
            Created vm = create(InstanceSpec.running(uniqueName("twice-trans")).transientInstance());
            provider.prepareForUnmanage(host, vm.uuid());
            UnmanagePreparation second = provider.prepareForUnmanage(host, vm.uuid());
            assertThat(second).as("second preparation of %s", vm)
                    .isEqualTo(new UnmanagePreparation(vm.uuid(), false, PowerState.RUNNING));
            assertDescribes(listed(vm), vm, PowerState.RUNNING, true);
        }

        @Test
        @DisplayName("preparing a persistent instance twice is idempotent")
        void idempotentForPersistent() {
            Created vm = create(InstanceSpec.running(uniqueName("twice-pers")));
            provider.prepareForUnmanage(host, vm.uuid());
            assertThat(provider.prepareForUnmanage(host, vm.uuid())).as("second preparation of %s", vm)
                    .isEqualTo(new UnmanagePreparation(vm.uuid(), false, PowerState.RUNNING));
            assertDescribes(listed(vm), vm, PowerState.RUNNING, true);
        }
    }

    @Nested
    @DisplayName("Errors")
    class Errors {
        @Test
        @DisplayName("describing an unknown UUID fails with InstanceNotFoundException naming it")
        void unknownUuid() {
            String absent = UUID.randomUUID().toString();
            assertThat(catchThrowable(() -> provider.describeInstance(host, absent)))
                    .as("describing the unknown UUID %s", absent)
                    .isInstanceOf(InstanceNotFoundException.class).hasMessageContaining(absent);
        }

        @Test
        @DisplayName("describing an unknown name fails with InstanceNotFoundException naming it")
        void unknownName() {
            String absent = uniqueName("absent");
            assertThat(catchThrowable(() -> provider.describeInstance(host, absent)))
                    .as("describing the unknown name %s", absent)
                    .isInstanceOf(InstanceNotFoundException.class).hasMessageContaining(absent);
        }

        @Test
        @DisplayName("preparing an unknown instance fails with InstanceNotFoundException")
        void prepareUnknown() {
            UUID absent = UUID.randomUUID();
            assertThat(catchThrowable(() -> provider.prepareForUnmanage(host, absent)))
                    .as("preparing the unknown instance %s", absent)
                    .isInstanceOf(InstanceNotFoundException.class);
        }

        @Test
        @DisplayName("a removed instance is no longer listed and describing it fails with InstanceNotFoundException")
        void removed() {
            Created vm = create(InstanceSpec.running(uniqueName("removed")));
            listed(vm);
            bed.remove(vm.uuid());
            assertThat(uuidsOf(provider.listInstances(host))).as("UUIDs listed after %s was removed", vm)
                    .doesNotContain(vm.uuid());
            assertThat(catchThrowable(() -> provider.describeInstance(host, vm.uuid().toString())))
                    .as("describing the removed %s", vm).isInstanceOf(InstanceNotFoundException.class);
        }

        @ParameterizedTest(name = "describing \"{0}\" fails with a typed error")
        @ValueSource(strings = {"", " ", "tck-no-such-instance-0000"})
        @DisplayName("describing a blank or unknown name fails with a typed error")
        void blankOrUnknown(String nameOrUuid) {
            assertThat(catchThrowable(() -> provider.describeInstance(host, nameOrUuid)))
                    .as("describing '%s'", nameOrUuid).isInstanceOf(UnmanagedException.class);
        }

        @Test
        @DisplayName("an unreachable host fails with HostUnavailableException, never with an empty listing")
        void unreachableHost() {
            Host unreachable = bed.unreachableHost().orElse(null);
            Assumptions.assumeTrue(unreachable != null, "the test bed offers no unreachable host");
            assertThat(catchThrowable(() -> provider.listInstances(unreachable)))
                    .as("what listing the unreachable host %s threw (an empty listing would hide it)", unreachable.id())
                    .isInstanceOf(HostUnavailableException.class);
        }
    }

    @Nested
    @DisplayName("Secrets")
    class Secrets {
        @Test
        @DisplayName("no descriptor, nor its text form, contains the graphics password the test bed set")
        void graphicsPasswordNeverDescribed() {
            String password = "tck-pw-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
            Created vm = create(InstanceSpec.running(uniqueName("console")).withGraphicsPassword(password));
            List<InstanceDescriptor> listing = provider.listInstances(host);
            List<InstanceDescriptor> seen = new ArrayList<>(listing);
            seen.add(provider.describeInstance(host, vm.uuid().toString()));
            seen.add(provider.describeInstance(host, vm.spec().name()));
            for (InstanceDescriptor d : seen) {
                // The failure names where the secret is, never the text around it: that would leak it again.
                List<String> leaks = placesHolding(d, password);
                if (!leaks.isEmpty() || d.toString().contains(password)) {
                    fail("the descriptor of %s contains the secret graphics password the test bed set, in %s",
                            d.name(), leaks.isEmpty() ? "its text form" : leaks);
                }
            }
            if (has(ProviderCapability.GRAPHICS)) {
                List<GraphicsDescriptor> graphics = only(listing, vm).graphics();
                assertThat(graphics).as("graphics of %s", vm).isNotEmpty()
                        .allSatisfy(g -> assertThat(g.passwordSet()).as("passwordSet of %s console of %s",
                                g.type(), vm).isTrue());
            }
        }
    }

    @Nested
    @DisplayName("Concurrency")
    class Concurrency {
        @Test
        @DisplayName("listing while instances appear, stop and disappear never fails, never drops a steady instance and never invents or repeats one")
        void listingDuringChurn() throws Exception {
            Set<UUID> before = uuidsOf(provider.listInstances(host));
            Created steady = create(InstanceSpec.running(uniqueName("steady")));
            Set<UUID> churned = java.util.concurrent.ConcurrentHashMap.newKeySet();
            Set<UUID> kept = java.util.concurrent.ConcurrentHashMap.newKeySet();
            // The churn waits for the first listing, so that listing and churn really overlap.
            CountDownLatch listingStarted = new CountDownLatch(1);
            ExecutorService churner = Executors.newSingleThreadExecutor();
            List<List<InstanceDescriptor>> listings = new ArrayList<>();
            try {
                Future<?> churn = churner.submit(() -> {
                    listingStarted.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
                    for (int round = 0; round < CHURN_ROUNDS; round++) {
                        InstanceSpec spec = InstanceSpec.running(uniqueName("churn"));
                        if (round % 3 == 1) {
                            spec = spec.stopped();
                        }
                        UUID uuid = bed.create(spec);
                        churned.add(uuid);
                        created.add(uuid);
                        if (round % 2 == 0) {
                            bed.remove(uuid);
                            continue;
                        }
                        if (round % 3 == 0) {
                            // A state change while listing is where a provider that enumerates running and
                            // stopped instances separately can see one instance twice, or not at all.
                            bed.shutDown(uuid);
                        }
                        kept.add(uuid);
                    }
                    return null;
                });
                do {
                    listingStarted.countDown();
                    listings.add(provider.listInstances(host));
                } while (!churn.isDone() || listings.size() < 5);
                churn.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
            } finally {
                churner.shutdownNow();
            }
            List<InstanceDescriptor> afterChurn = provider.listInstances(host);
            assertThat(uuidsOf(afterChurn)).as("listing after the churn holds every instance the churn left")
                    .containsAll(kept);
            listings.add(afterChurn);
            Set<UUID> known = new HashSet<>(before);
            known.add(steady.uuid());
            known.addAll(churned);
            for (int i = 0; i < listings.size(); i++) {
                Set<UUID> listed = uuidsOf(listings.get(i));
                assertThat(listed).as("listing %d of %d during churn holds the steady %s", i, listings.size(), steady)
                        .contains(steady.uuid());
                assertThat(known).as("instances the host really had, against listing %d during churn", i)
                        .containsAll(listed);
                assertThat(listings.get(i)).extracting(InstanceDescriptor::uuid)
                        .as("UUIDs of listing %d during churn, each listed once", i).doesNotHaveDuplicates();
            }
        }

        @Test
        @DisplayName("listing from 16 threads at once gives every thread every instance in its right state")
        void listingFromManyThreads() throws Exception {
            Created running = create(InstanceSpec.running(uniqueName("par-run")));
            Created stopped = create(InstanceSpec.running(uniqueName("par-off")).stopped());
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(LISTING_THREADS);
            try {
                List<Future<List<InstanceDescriptor>>> results = new ArrayList<>();
                for (int t = 0; t < LISTING_THREADS; t++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return provider.listInstances(host);
                    }));
                }
                start.countDown();
                for (Future<List<InstanceDescriptor>> result : results) {
                    List<InstanceDescriptor> listing = result.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
                    assertDescribes(only(listing, running), running, PowerState.RUNNING, true);
                    assertDescribes(only(listing, stopped), stopped, PowerState.STOPPED, true);
                }
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        @DisplayName("describing one instance from 16 threads at once gives the same answer")
        void describingFromManyThreads() throws Exception {
            Created vm = create(InstanceSpec.running(uniqueName("par-desc")).plusNic());
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(LISTING_THREADS);
            try {
                List<Future<InstanceDescriptor>> results = new ArrayList<>();
                for (int t = 0; t < LISTING_THREADS; t++) {
                    String key = t % 2 == 0 ? vm.uuid().toString() : vm.spec().name();
                    results.add(pool.submit(() -> {
                        start.await();
                        return provider.describeInstance(host, key);
                    }));
                }
                start.countDown();
                for (Future<InstanceDescriptor> result : results) {
                    assertDescribes(result.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS), vm, PowerState.RUNNING, true);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    @DisplayName("Watching")
    class Watching {
        @Test
        @DisplayName("a watch first lists the host in full, with the instances already there")
        void firstListing() throws Exception {
            requires(ProviderCapability.WATCH);
            Created vm = create(InstanceSpec.running(uniqueName("w-there")));
            var heard = new RecordingChangeListener();
            watchWithFirstListing(heard);
            assertThat(heard.transitionsOf(vm.uuid())).as("what the watch reported of %s", vm)
                    .containsExactly(PowerState.RUNNING.name());
        }

        @Test
        @DisplayName("a watch reports an instance that appears, stops and is removed, each change exactly once")
        void appearsStopsVanishes() throws Exception {
            requires(ProviderCapability.WATCH);
            var heard = new RecordingChangeListener();
            watchWithFirstListing(heard);
            Created vm = create(InstanceSpec.running(uniqueName("w-life")));
            expectTransitions(heard, vm, PowerState.RUNNING.name());
            bed.shutDown(vm.uuid());
            expectTransitions(heard, vm, PowerState.RUNNING.name(), PowerState.STOPPED.name());
            bed.remove(vm.uuid());
            expectTransitions(heard, vm, PowerState.RUNNING.name(), PowerState.STOPPED.name(),
                    RecordingChangeListener.GONE);
            assertThat(heard.overlap()).as("calls of the listener that overlapped").isNull();
        }

        @Test
        @DisplayName("a watch reports a transient instance that shuts down as gone")
        void transientGone() throws Exception {
            requires(ProviderCapability.WATCH);
            requires(ProviderCapability.TRANSIENT_INSTANCES);
            var heard = new RecordingChangeListener();
            watchWithFirstListing(heard);
            Created vm = create(InstanceSpec.running(uniqueName("w-tran")).transientInstance());
            expectTransitions(heard, vm, PowerState.RUNNING.name());
            bed.shutDown(vm.uuid());
            expectTransitions(heard, vm, PowerState.RUNNING.name(), RecordingChangeListener.GONE);
        }
    }

    /** Starts watching the host until the test ends, and waits for the watch's first full listing. */
    private void watchWithFirstListing(RecordingChangeListener heard) throws InterruptedException {
        feeds.add(provider.watchHost(host, heard));
        assertThat(heard.awaitListing(watchDeadline())).as("a full listing of the watched host within %s",
                watchDeadline()).isTrue();
    }

    /**
     * Waits for {@code vm}'s transitions to reach {@code expected} and checks they are exactly those: a missing one
     * fails at the deadline, a repeated or invented one (e.g. a stale state reported after a fresh one) fails too.
     * An instance the bed creates running may first be seen defined and stopped, as a hypervisor that defines
     * before it starts reports it, and then paused for a moment, as one that starts with its CPUs stopped does.
     */
    private void expectTransitions(RecordingChangeListener heard, Created vm, String... expected)
            throws InterruptedException {
        List<String> wanted = List.of(expected);
        List<String> seen = heard.awaitTransitions(vm.uuid(),
                states -> reached(withoutDefinedFirst(states, wanted), wanted), watchDeadline());
        assertThat(withoutDefinedFirst(seen, wanted))
                .as("the states the watch reported of %s, in order, within %s (all: %s)", vm, watchDeadline(), seen)
                .containsExactlyElementsOf(wanted);
    }

    /** Done waiting: past the wanted transitions, or at as many and ending as wanted. */
    private static boolean reached(List<String> seen, List<String> wanted) {
        return seen.size() > wanted.size()
                || seen.size() == wanted.size() && seen.get(seen.size() - 1).equals(wanted.get(wanted.size() - 1));
    }

    private static List<String> withoutDefinedFirst(List<String> seen, List<String> wanted) {
        if (!wanted.get(0).equals(PowerState.RUNNING.name())) {
            return seen;
        }
        List<String> rest = seen;
        if (rest.size() > 1 && rest.get(0).equals(PowerState.STOPPED.name())) {
            rest = rest.subList(1, rest.size());
        }
        // A hypervisor that starts an instance with its CPUs stopped and then lets them run (QEMU under libvirt
        // does) may be seen paused for a moment on the way: a start-up step, not a change of its own.
        if (rest.size() > 1 && rest.get(0).equals(PowerState.PAUSED.name())
                && rest.get(1).equals(PowerState.RUNNING.name())) {
            rest = rest.subList(1, rest.size());
        }
        return rest;
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    /** An instance the kit created, with what it asked for. */
    protected record Created(UUID uuid, InstanceSpec spec) {
        @Override
        public String toString() {
            return "instance " + spec.name() + " (" + uuid + ")";
        }
    }

    /** The provider under test, for extra tests in a subclass. */
    protected final HypervisorInstanceProvider provider() {
        return provider;
    }

    /** The test bed, for extra tests in a subclass. */
    protected final TestBed bed() {
        return bed;
    }

    /** Creates an instance through the bed and removes it after the test. */
    protected final Created create(InstanceSpec spec) {
        UUID uuid = Objects.requireNonNull(bed.create(spec), "the test bed returned no UUID for " + spec.name());
        created.add(uuid);
        return new Created(uuid, spec);
    }

    /** A name no other test run uses: {@code tck-<hint>-<random>}. */
    protected static String uniqueName(String hint) {
        return "tck-" + hint + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));
    }

    private boolean has(ProviderCapability capability) {
        return provider.capabilities().contains(capability);
    }

    private void requires(ProviderCapability capability) {
        Assumptions.assumeTrue(has(capability), () -> "the provider does not declare " + capability);
    }

    private InstanceDescriptor listed(Created vm) {
        return only(provider.listInstances(host), vm);
    }

    private InstanceDescriptor only(List<InstanceDescriptor> listing, Created vm) {
        List<InstanceDescriptor> matches = listing.stream().filter(d -> vm.uuid().equals(d.uuid())).toList();
        if (matches.isEmpty()) {
            fail("%s (%s) is missing from the listing of host %s, which holds %s", vm, vm.spec().state(),
                    host.id(), listing.stream().map(d -> d.name() + "/" + d.powerState()).toList());
        }
        assertThat(matches).as("entries for %s in the listing of host %s", vm, host.id()).hasSize(1);
        return matches.get(0);
    }

    private void assertDescribes(InstanceDescriptor d, Created vm, PowerState state, boolean persistent) {
        InstanceSpec spec = vm.spec();
        assertThat(d.uuid()).as("UUID of %s", vm).isEqualTo(vm.uuid());
        assertThat(d.name()).as("name of %s", vm).isEqualTo(spec.name());
        assertThat(d.hostId()).as("host id of %s", vm).isEqualTo(host.id());
        assertThat(d.hypervisor()).as("hypervisor of %s", vm).isEqualTo(provider.hypervisor());
        assertThat(d.powerState()).as("power state of %s", vm).isEqualTo(state);
        assertThat(d.persistent()).as("persistence of %s", vm).isEqualTo(persistent);
        assertThat(d.cpu().vcpus()).as("vCPUs of %s", vm).isEqualTo(spec.vcpus());
        assertThat(d.memory().maxBytes()).as("memory of %s", vm).isEqualTo(spec.memoryBytes());
        assertThat(disksOf(d).stream().map(DiskDescriptor::deviceName).toList())
                .as("disk device names of %s in definition order", vm)
                .containsExactlyElementsOf(spec.disks().stream().map(bed::reportedDiskName).toList());
        assertThat(d.nics().stream().map(NicDescriptor::mac).toList()).as("NIC MACs of %s in definition order", vm)
                .containsExactlyElementsOf(spec.nics().stream().map(InstanceSpec.NicSpec::mac).toList());
    }

    private static List<String> placesHolding(InstanceDescriptor d, String secret) {
        List<String> places = new ArrayList<>();
        addIfHolding(places, "name", d.name(), secret);
        addIfHolding(places, "virtualizationType", d.virtualizationType(), secret);
        addIfHolding(places, "cpu", d.cpu(), secret);
        addIfHolding(places, "os", d.os(), secret);
        for (int i = 0; i < d.disks().size(); i++) {
            addIfHolding(places, "disks[" + i + "]", d.disks().get(i), secret);
        }
        for (int i = 0; i < d.nics().size(); i++) {
            addIfHolding(places, "nics[" + i + "]", d.nics().get(i), secret);
        }
        for (int i = 0; i < d.graphics().size(); i++) {
            addIfHolding(places, "graphics[" + i + "]", d.graphics().get(i), secret);
        }
        for (int i = 0; i < d.warnings().size(); i++) {
            addIfHolding(places, "warnings[" + i + "] (" + d.warnings().get(i).code() + ")", d.warnings().get(i),
                    secret);
        }
        return places;
    }

    private static void addIfHolding(List<String> places, String place, Object value, String secret) {
        if (value != null && String.valueOf(value).contains(secret)) {
            places.add(place);
        }
    }

    private static List<DiskDescriptor> disksOf(InstanceDescriptor d) {
        return d.disks().stream().filter(DiskDescriptor::isDisk).toList();
    }

    private static Set<UUID> uuidsOf(List<InstanceDescriptor> listing) {
        return listing.stream().map(InstanceDescriptor::uuid).filter(Objects::nonNull).collect(Collectors.toSet());
    }
}
