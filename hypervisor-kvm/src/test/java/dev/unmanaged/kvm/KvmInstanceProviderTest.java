package dev.unmanaged.kvm;

import static dev.unmanaged.kvm.TestDriverHosts.TEST_DRIVER_BLOCK_ALLOCATION;
import static dev.unmanaged.kvm.TestDriverHosts.TEST_DRIVER_BLOCK_CAPACITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unmanaged.api.error.AccessDeniedException;
import dev.unmanaged.api.error.HostUnavailableException;
import dev.unmanaged.api.error.ImportRejectedException;
import dev.unmanaged.api.error.InstanceNotFoundException;
import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.error.UnmanagedException;
import dev.unmanaged.api.instance.DescriptorWarning;
import dev.unmanaged.api.instance.DiskDescriptor;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.NicDescriptor;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.api.instance.WarningCodes;
import dev.unmanaged.api.inventory.Catalog;
import dev.unmanaged.api.inventory.ComputeOffering;
import dev.unmanaged.api.inventory.Owner;
import dev.unmanaged.api.operation.ImportPlan;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.Problem;
import dev.unmanaged.api.operation.ProblemCode;
import dev.unmanaged.api.spi.HypervisorInstanceProvider;
import dev.unmanaged.api.spi.ListingDetail;
import dev.unmanaged.api.spi.ProviderCapability;
import dev.unmanaged.api.spi.UnmanagePreparation;
import dev.unmanaged.core.UnmanagedInstances;
import dev.unmanaged.kvm.xml.DomainXmlParser;
import dev.unmanaged.tck.fake.InMemoryInventoryStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.Domain;

@DisplayName("The KVM provider on libvirt's test driver")
class KvmInstanceProviderTest {
    private static final long GIB = 1024L * 1024 * 1024;
    private static final long MIB = 1024L * 1024;
    private static final UUID WEB_TRANSIENT = UUID.fromString("0b6a1f4e-8e0d-4d4a-9a57-5d0c2d7a1001");
    private static final UUID APP_BLOCKED = UUID.fromString("0b6a1f4e-8e0d-4d4a-9a57-5d0c2d7a1002");
    private static final UUID BATCH_PAUSED = UUID.fromString("0b6a1f4e-8e0d-4d4a-9a57-5d0c2d7a1003");
    private static final UUID DB_OFF = UUID.fromString("0b6a1f4e-8e0d-4d4a-9a57-5d0c2d7a1005");
    private static final String VNC_PASSWORD = "vnc-s3cr";

    private final Host host = TestDriverHosts.mixedStates();
    private KvmInstanceProvider provider;

    @BeforeEach
    void open() {
        provider = new KvmInstanceProvider(TestDriverHosts.OPTIONS);
    }

    @AfterEach
    void close() {
        provider.close();
    }

    private Map<String, InstanceDescriptor> listedByName() {
        return provider.listInstances(host).stream()
                .collect(Collectors.toMap(InstanceDescriptor::name, Function.identity()));
    }

    private static Optional<DiskDescriptor> disk(InstanceDescriptor instance, String target) {
        return instance.disks().stream().filter(d -> target.equals(d.deviceName())).findFirst();
    }

    private static List<String> warningCodes(InstanceDescriptor instance) {
        return instance.warnings().stream().map(DescriptorWarning::code).toList();
    }

    @Nested
    @DisplayName("listing")
    class Listing {
        @Test
        @DisplayName("lists every domain in every libvirt state with the matching power state")
        void everyState() {
            Map<String, PowerState> states = provider.listInstances(host).stream()
                    .collect(Collectors.toMap(InstanceDescriptor::name, InstanceDescriptor::powerState));

            assertThat(states).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "web-transient", PowerState.RUNNING,
                    "app-blocked", PowerState.RUNNING,
                    "batch-paused", PowerState.PAUSED,
                    "cache-shutting-down", PowerState.STOPPED,
                    "db-off", PowerState.STOPPED,
                    "legacy-off", PowerState.STOPPED,
                    "worker-crashed", PowerState.CRASHED,
                    "laptop-suspended", PowerState.SUSPENDED));
        }

        @Test
        @DisplayName("says which domains are transient and which persistent")
        void persistence() {
            Map<String, Boolean> persistent = provider.listInstances(host).stream()
                    .collect(Collectors.toMap(InstanceDescriptor::name, InstanceDescriptor::persistent));

            assertThat(persistent).containsEntry("web-transient", false).containsEntry("batch-paused", false)
                    .containsEntry("laptop-suspended", false).containsEntry("app-blocked", true)
                    .containsEntry("db-off", true).containsEntry("worker-crashed", true);
        }

        @Test
        @DisplayName("describes each domain from its definition, on the host it was listed on")
        void descriptorFromDefinition() {
            InstanceDescriptor web = listedByName().get("web-transient");

            assertThat(web.uuid()).isEqualTo(WEB_TRANSIENT);
            assertThat(web.hostId()).isEqualTo(host.id());
            assertThat(web.hypervisor()).isEqualTo("kvm");
            assertThat(web.virtualizationType()).isEqualTo("kvm");
            assertThat(web.cpu().vcpus()).isEqualTo(2);
            assertThat(web.cpu().maxVcpus()).isEqualTo(4);
            assertThat(web.cpu().mode()).isEqualTo("host-passthrough");
            assertThat(web.memory().maxBytes()).isEqualTo(2048 * MIB);
            assertThat(web.memory().currentBytes()).isEqualTo(1024 * MIB);
            assertThat(web.os().machine()).isEqualTo("pc-q35-7.2");
            assertThat(web.disks()).extracting(DiskDescriptor::deviceName).containsExactly("vda", "vdb", "sda");
            assertThat(web.nics()).extracting(NicDescriptor::mac)
                    .containsExactly("52:54:00:10:00:01", "52:54:00:10:00:02");
            assertThat(web.graphics()).singleElement().satisfies(g -> assertThat(g.type()).isEqualTo("vnc"));
        }

        @Test
        @DisplayName("lists instances sorted by name, the same on every call")
        void stableOrder() {
            List<String> first = provider.listInstances(host).stream().map(InstanceDescriptor::name).toList();
            List<String> second = provider.listInstances(host).stream().map(InstanceDescriptor::name).toList();

            assertThat(first).isSorted().hasSize(8).isEqualTo(second);
        }

        @Test
        @DisplayName("never reads a graphics password while listing")
        void noSecrets() {
            List<InstanceDescriptor> listed = provider.listInstances(host);

            assertThat(listed.toString()).doesNotContain(VNC_PASSWORD);
            assertThat(listed).allSatisfy(i -> assertThat(i.graphics())
                    .allSatisfy(g -> assertThat(g.passwordSet()).as("secure XML was not asked for").isFalse()));
            assertThat(provider.capabilities()).doesNotContain(ProviderCapability.GRAPHICS);
        }

        @Test
        @DisplayName("leaves out a domain that vanishes while the host is listed, and keeps every other")
        void vanishingDomain() {
            // The parser runs in the middle of the listing; it stops the transient domain it is handed, which
            // then no longer exists for the calls that follow.
            KvmInstanceProvider[] self = new KvmInstanceProvider[1];
            DefinitionParser stoppingBatch = xml -> {
                if (xml.contains("<name>batch-paused</name>")) {
                    try {
                        self[0].currentConnection(host).domainLookupByName("batch-paused").destroy();
                    } catch (org.libvirt.LibvirtException e) {
                        throw new IllegalStateException(e);
                    }
                }
                return DomainXmlParser.shared().parse(xml);
            };
            try (KvmInstanceProvider racing = new KvmInstanceProvider(TestDriverHosts.OPTIONS, stoppingBatch)) {
                self[0] = racing;

                List<String> names = racing.listInstances(host).stream().map(InstanceDescriptor::name).toList();

                assertThat(names).hasSize(7).doesNotContain("batch-paused").contains("web-transient", "db-off");
                assertThatThrownBy(() -> racing.describeInstance(host, "batch-paused"))
                        .isInstanceOf(InstanceNotFoundException.class);
            }
        }

        @Test
        @DisplayName("reads several domains of a host at once on its one connection, never more than asked")
        void boundedParallelReads() {
            AtomicInteger inFlight = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            AtomicInteger arrivals = new AtomicInteger();
            // The first four parses wait for each other: they only get through when four run at once.
            CyclicBarrier four = new CyclicBarrier(4);
            DefinitionParser meeting = xml -> {
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    if (arrivals.getAndIncrement() < 4) {
                        four.await(5, TimeUnit.SECONDS);
                    }
                    return DomainXmlParser.shared().parse(xml);
                } catch (Exception e) {
                    throw new IllegalStateException("fewer than four domains were read at once", e);
                } finally {
                    inFlight.decrementAndGet();
                }
            };
            try (KvmInstanceProvider parallel = new KvmInstanceProvider(
                    TestDriverHosts.options().readParallelism(4).build(), meeting)) {
                List<InstanceDescriptor> listed = parallel.listInstances(host);

                assertThat(listed).hasSize(8).extracting(InstanceDescriptor::name).isSorted();
                assertThat(listed).allSatisfy(i -> assertThat(warningCodes(i))
                        .doesNotContain(WarningCodes.DEFINITION_UNREADABLE));
                assertThat(most).hasValue(4);
                assertThat(parallel.openedConnections()).isEqualTo(1);
            }
        }

        @Test
        @DisplayName("reads one domain at a time when asked to, and refuses a parallelism below one")
        void sequentialReads() {
            AtomicInteger inFlight = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            DefinitionParser counting = xml -> {
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(5);
                    return DomainXmlParser.shared().parse(xml);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                } finally {
                    inFlight.decrementAndGet();
                }
            };
            try (KvmInstanceProvider sequential = new KvmInstanceProvider(
                    TestDriverHosts.options().readParallelism(1).build(), counting)) {
                assertThat(sequential.listInstances(host)).hasSize(8);
            }
            assertThat(most).hasValue(1);
            assertThatThrownBy(() -> TestDriverHosts.options().readParallelism(0).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("readParallelism")
                    .hasMessageContaining("found 0");
        }

        @Test
        @DisplayName("lists an empty host as an empty list")
        void emptyHost() {
            assertThat(provider.listInstances(TestDriverHosts.empty())).isEmpty();
        }
    }

    @Nested
    @DisplayName("disk sizes")
    class DiskSizesOnHost {
        @Test
        @DisplayName("measures a running domain's disk from its storage volume when libvirt has one")
        void runningFromVolume() {
            InstanceDescriptor web = listedByName().get("web-transient");

            assertThat(disk(web, "vda")).get().satisfies(d -> {
                assertThat(d.capacityBytes()).isEqualTo(10 * GIB);
                assertThat(d.allocationBytes()).isEqualTo(3 * GIB);
            });
        }

        @Test
        @DisplayName("measures a running domain's disk without a volume with libvirt's block info")
        void runningFromBlockInfo() {
            InstanceDescriptor web = listedByName().get("web-transient");

            assertThat(disk(web, "vdb")).get().satisfies(d -> {
                assertThat(d.capacityBytes()).isEqualTo(TEST_DRIVER_BLOCK_CAPACITY);
                assertThat(d.allocationBytes()).isEqualTo(TEST_DRIVER_BLOCK_ALLOCATION);
            });
        }

        @Test
        @DisplayName("measures a shut-off domain's disks from the storage volume, by path and by pool/volume")
        void shutOffFromVolumes() {
            InstanceDescriptor db = listedByName().get("db-off");

            assertThat(disk(db, "vda")).get().satisfies(d -> {
                assertThat(d.capacityBytes()).isEqualTo(20 * GIB);
                assertThat(d.allocationBytes()).isEqualTo(6 * GIB);
            });
            assertThat(disk(db, "vdb")).get().satisfies(d -> {
                assertThat(d.type()).isEqualTo("volume");
                assertThat(d.capacityBytes()).isEqualTo(100 * GIB);
                assertThat(d.allocationBytes()).isEqualTo(100 * GIB);
            });
            assertThat(warningCodes(db)).doesNotContain(WarningCodes.DISK_SIZE_UNKNOWN);
        }

        @Test
        @DisplayName("keeps a disk whose size cannot be read, without sizes and with a warning per disk")
        void unknownSizeKeepsDisk() {
            InstanceDescriptor legacy = listedByName().get("legacy-off");

            assertThat(legacy.disks()).extracting(DiskDescriptor::deviceName).containsExactly("vda", "vdb");
            assertThat(legacy.disks()).allSatisfy(d -> {
                assertThat(d.capacityBytes()).isNull();
                assertThat(d.allocationBytes()).isNull();
            });
            assertThat(legacy.warnings()).filteredOn(w -> w.code().equals(WarningCodes.DISK_SIZE_UNKNOWN))
                    .hasSize(2)
                    .anySatisfy(w -> assertThat(w.message()).contains("vda").contains("retired-pool"))
                    .anySatisfy(w -> assertThat(w.message()).contains("vdb"))
                    .allSatisfy(w -> assertThat(w.blocksImport()).isFalse());
        }

        @Test
        @DisplayName("gives an empty drive no size and no warning")
        void emptyDrive() {
            InstanceDescriptor web = listedByName().get("web-transient");

            assertThat(disk(web, "sda")).get().satisfies(d -> {
                assertThat(d.device()).isEqualTo("cdrom");
                assertThat(d.source()).isNull();
                assertThat(d.capacityBytes()).isNull();
            });
            assertThat(warningCodes(web)).doesNotContain(WarningCodes.DISK_SIZE_UNKNOWN);
        }
    }

    @Nested
    @DisplayName("a definition the parser rejects")
    class UnreadableDefinition {
        /** The real parser, fed a second {@code <vcpu>} for one domain, as a newer libvirt might write. */
        private final DefinitionParser rejectingBatch = xml -> DomainXmlParser.shared().parse(
                xml.contains("<name>batch-paused</name>") ? xml.replace("<vcpu", "<vcpu>1</vcpu><vcpu") : xml);

        @Test
        @DisplayName("is still listed from libvirt's API, with a blocking warning carrying the parse error")
        void listedFromApi() {
            try (KvmInstanceProvider strict = new KvmInstanceProvider(TestDriverHosts.OPTIONS, rejectingBatch)) {
                List<InstanceDescriptor> listed = strict.listInstances(host);

                assertThat(listed).hasSize(8);
                InstanceDescriptor batch = listed.stream().filter(i -> i.name().equals("batch-paused")).findFirst()
                        .orElseThrow();
                assertThat(batch.uuid()).isEqualTo(BATCH_PAUSED);
                assertThat(batch.powerState()).isEqualTo(PowerState.PAUSED);
                assertThat(batch.persistent()).isFalse();
                assertThat(batch.cpu().vcpus()).isEqualTo(1);
                assertThat(batch.memory().maxBytes()).isEqualTo(512 * MIB);
                assertThat(batch.hasBlockingWarning()).isTrue();
                assertThat(batch.warnings()).filteredOn(w -> w.code().equals(WarningCodes.DEFINITION_UNREADABLE))
                        .singleElement().satisfies(w -> {
                            assertThat(w.blocksImport()).isTrue();
                            assertThat(w.message()).contains("<vcpu>");
                        });
            }
        }

        @Test
        @DisplayName("cannot be imported through the library, which says why and writes nothing")
        void importRefused() {
            // A catalog the instance fits in every other respect, so the definition is the only obstacle.
            InMemoryInventoryStore store = new InMemoryInventoryStore(new Catalog(List.of(new Owner("ops", "Ops")),
                    List.of(ComputeOffering.fixed("small", "Small", 1, 512 * MIB)), List.of(), List.of(), List.of(),
                    List.of()));
            ImportRequest request = ImportRequest.builder(host, BATCH_PAUSED.toString()).owner("ops")
                    .offering("small").build();
            try (KvmInstanceProvider strict = new KvmInstanceProvider(TestDriverHosts.OPTIONS, rejectingBatch);
                 UnmanagedInstances library = UnmanagedInstances.builder().providers(strict).store(store).build()) {
                ImportPlan plan = library.plan(request);

                assertThat(plan.importable()).isFalse();
                assertThat(plan.blockingProblems()).singleElement().satisfies(p -> {
                    assertThat(p.code()).isEqualTo(ProblemCode.INSTANCE_UNSAFE);
                    assertThat(p.subject()).contains(WarningCodes.DEFINITION_UNREADABLE);
                    assertThat(p.message()).contains("could not be read").contains("<vcpu>");
                });
                assertThatThrownBy(() -> library.importInstance(request))
                        .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.problems())
                                .filteredOn(Problem::blocks).extracting(Problem::code)
                                .containsExactly(ProblemCode.INSTANCE_UNSAFE))
                        .hasMessageContaining(WarningCodes.DEFINITION_UNREADABLE);
                assertThat(store.find(BATCH_PAUSED)).isEmpty();
            }
        }

        @Test
        @DisplayName("does not affect the other domains of the host")
        void othersUnaffected() {
            try (KvmInstanceProvider strict = new KvmInstanceProvider(TestDriverHosts.OPTIONS, rejectingBatch)) {
                assertThat(strict.listInstances(host)).filteredOn(i -> !i.name().equals("batch-paused"))
                        .allSatisfy(i -> assertThat(warningCodes(i))
                                .doesNotContain(WarningCodes.DEFINITION_UNREADABLE));
            }
        }
    }

    @Nested
    @DisplayName("describing")
    class Describing {
        @Test
        @DisplayName("finds an instance by UUID in any letter case")
        void byUuid() {
            InstanceDescriptor db = provider.describeInstance(host, DB_OFF.toString().toUpperCase());

            assertThat(db.name()).isEqualTo("db-off");
            assertThat(db.powerState()).isEqualTo(PowerState.STOPPED);
            assertThat(db.persistent()).isTrue();
        }

        @Test
        @DisplayName("finds an instance by name, with the same description as a listing that reads guest addresses and storage")
        void byName() {
            InstanceDescriptor described = provider.describeInstance(host, "app-blocked");

            assertThat(described.uuid()).isEqualTo(APP_BLOCKED);
            assertThat(described).isEqualTo(provider.listInstances(host,
                            Set.of(ListingDetail.GUEST_ADDRESSES, ListingDetail.STORAGE)).stream().filter(d -> d.name().equals("app-blocked")).findFirst().orElseThrow());
        }

        @Test
        @DisplayName("reports an unknown name or UUID as a typed not-found error naming it")
        void unknown() {
            String unknownUuid = UUID.randomUUID().toString();

            assertThatThrownBy(() -> provider.describeInstance(host, "no-such-vm"))
                    .isInstanceOfSatisfying(InstanceNotFoundException.class, e -> {
                        assertThat(e.instance()).isEqualTo("no-such-vm");
                        assertThat(e.where()).isEqualTo(host.id());
                    });
            assertThatThrownBy(() -> provider.describeInstance(host, unknownUuid))
                    .isInstanceOf(InstanceNotFoundException.class).hasMessageContaining(unknownUuid);
        }

        @Test
        @DisplayName("refuses a blank name and a host of another hypervisor")
        void badRequests() {
            assertThatThrownBy(() -> provider.describeInstance(host, " "))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("nameOrUuid");
            Host vmware = new Host("esx1", "vmware", "vpx://esx1");
            assertThatThrownBy(() -> provider.listInstances(vmware))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("vmware");
        }
    }

    @Nested
    @DisplayName("preparing for unmanage")
    class Preparing {
        @Test
        @DisplayName("defines a running transient domain persistently; it keeps running")
        void transientBecomesPersistent() {
            UnmanagePreparation preparation = provider.prepareForUnmanage(host, WEB_TRANSIENT);

            assertThat(preparation).isEqualTo(new UnmanagePreparation(WEB_TRANSIENT, true, PowerState.RUNNING));
            InstanceDescriptor web = provider.describeInstance(host, WEB_TRANSIENT.toString());
            assertThat(web.persistent()).isTrue();
            assertThat(web.powerState()).isEqualTo(PowerState.RUNNING);
        }

        @Test
        @DisplayName("keeps the live definition's secrets in the persistent definition")
        void secretsSurvive() throws Exception {
            provider.prepareForUnmanage(host, WEB_TRANSIENT);

            Domain domain = provider.currentConnection(host).domainLookupByUUIDString(WEB_TRANSIENT.toString());
            String persistent = domain.getXMLDesc(Domain.XMLFlags.SECURE | Domain.XMLFlags.INACTIVE);
            assertThat(persistent).contains("passwd='" + VNC_PASSWORD + "'");
        }

        @Test
        @DisplayName("makes a transient domain survive its own shutdown")
        void survivesShutdown() throws Exception {
            provider.prepareForUnmanage(host, BATCH_PAUSED);

            provider.currentConnection(host).domainLookupByUUIDString(BATCH_PAUSED.toString()).destroy();
            InstanceDescriptor batch = provider.describeInstance(host, BATCH_PAUSED.toString());
            assertThat(batch.powerState()).isEqualTo(PowerState.STOPPED);
            assertThat(batch.persistent()).isTrue();
        }

        @Test
        @DisplayName("is idempotent: the second preparation changes nothing")
        void idempotent() {
            assertThat(provider.prepareForUnmanage(host, WEB_TRANSIENT).definedPersistently()).isTrue();
            assertThat(provider.prepareForUnmanage(host, WEB_TRANSIENT).definedPersistently()).isFalse();
            assertThat(provider.describeInstance(host, "web-transient").persistent()).isTrue();
        }

        @Test
        @DisplayName("leaves a persistent domain as it is")
        void persistentUntouched() {
            InstanceDescriptor before = provider.describeInstance(host, DB_OFF.toString());

            assertThat(provider.prepareForUnmanage(host, DB_OFF)).isEqualTo(new UnmanagePreparation(DB_OFF, false, PowerState.STOPPED));
            assertThat(provider.describeInstance(host, DB_OFF.toString())).isEqualTo(before);
        }

        @Test
        @DisplayName("reports an unknown UUID as a typed not-found error")
        void unknown() {
            UUID unknown = UUID.randomUUID();

            assertThatThrownBy(() -> provider.prepareForUnmanage(host, unknown))
                    .isInstanceOf(InstanceNotFoundException.class).hasMessageContaining(unknown.toString());
        }
    }

    @Nested
    @DisplayName("read-only connections")
    class ReadOnly {
        private final KvmProviderOptions readOnly = TestDriverHosts.options().readOnly(true).build();

        @Test
        @DisplayName("are enough for listing and describing")
        void listing() {
            try (KvmInstanceProvider viewer = new KvmInstanceProvider(readOnly)) {
                assertThat(viewer.listInstances(host)).hasSize(8);
                assertThat(viewer.describeInstance(host, "db-off").uuid()).isEqualTo(DB_OFF);
            }
        }

        @Test
        @DisplayName("refuse to define a transient domain, with a typed access-denied error, and change nothing")
        void refusePreparation() {
            try (KvmInstanceProvider viewer = new KvmInstanceProvider(readOnly)) {
                assertThatThrownBy(() -> viewer.prepareForUnmanage(host, WEB_TRANSIENT))
                        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("read-write");
                assertThat(viewer.describeInstance(host, "web-transient").persistent()).isFalse();
            }
        }

        @Test
        @DisplayName("still confirm that a persistent domain needs nothing")
        void persistentNeedsNothing() {
            try (KvmInstanceProvider viewer = new KvmInstanceProvider(readOnly)) {
                assertThat(viewer.prepareForUnmanage(host, DB_OFF).definedPersistently()).isFalse();
            }
        }

        @Test
        @DisplayName("are refused the secure definition by libvirt itself")
        void libvirtRefusesSecureXml() throws Exception {
            try (KvmInstanceProvider viewer = new KvmInstanceProvider(readOnly)) {
                viewer.listInstances(host);
                Domain web = viewer.currentConnection(host).domainLookupByName("web-transient");

                assertThatThrownBy(() -> web.getXMLDesc(Domain.XMLFlags.SECURE))
                        .isInstanceOf(org.libvirt.LibvirtException.class).hasMessageContaining("secure");
            }
        }
    }

    @Nested
    @DisplayName("credentials")
    class Credentials {
        private final Host guarded = TestDriverHosts.guarded();

        @Test
        @DisplayName("are asked of the embedder's callback, never of a terminal")
        void callbackAnswers() {
            LibvirtCredentials operator = LibvirtCredentials.userAndPassword("operator", "open-sesame".toCharArray());
            LibvirtCredentials callback = org.mockito.Mockito.mock(LibvirtCredentials.class);
            org.mockito.Mockito.when(callback.answer(org.mockito.ArgumentMatchers.any()))
                    .thenAnswer(call -> operator.answer(call.getArgument(0)));
            try (KvmInstanceProvider authenticated = new KvmInstanceProvider(
                    TestDriverHosts.options().credentials(callback).build())) {
                assertThat(authenticated.listInstances(guarded)).extracting(InstanceDescriptor::name)
                        .containsExactly("guarded");
            }
            // The test driver asks for an authentication name, then for its password, each once, for this host.
            var asked = org.mockito.ArgumentCaptor.forClass(CredentialRequest.class);
            org.mockito.Mockito.verify(callback, org.mockito.Mockito.times(2)).answer(asked.capture());
            org.mockito.Mockito.verifyNoMoreInteractions(callback);
            assertThat(asked.getAllValues()).extracting(CredentialRequest::kind)
                    .containsExactly(CredentialKind.AUTHNAME, CredentialKind.PASSPHRASE);
            assertThat(asked.getAllValues()).allSatisfy(r -> assertThat(r.uri()).isEqualTo(guarded.address()));
            assertThat(asked.getAllValues().toString()).doesNotContain("open-sesame");
        }

        @Test
        @DisplayName("that are wrong give a typed access-denied error without the password")
        void wrongPassword() {
            try (KvmInstanceProvider wrong = new KvmInstanceProvider(TestDriverHosts.options()
                    .credentials(LibvirtCredentials.userAndPassword("operator", "guess-1".toCharArray())).build())) {
                assertThatThrownBy(() -> wrong.listInstances(guarded))
                        .isInstanceOf(AccessDeniedException.class)
                        .hasMessageContaining("VIR_ERR_AUTH_FAILED")
                        .hasMessageNotContaining("guess-1");
            }
        }

        @Test
        @DisplayName("are handed to libvirt in memory only libvirt frees: many authenticated opens never crash")
        void answersOwnedByLibvirt() {
            // libvirt-java's own credential callback gives libvirt memory that JNA frees again, which aborts
            // the process once the garbage collector runs; this loop did so within a few hundred opens.
            LibvirtCredentials operator = LibvirtCredentials.userAndPassword("operator", "open-sesame".toCharArray());
            for (int i = 0; i < 200; i++) {
                try (KvmInstanceProvider authenticated = new KvmInstanceProvider(
                        TestDriverHosts.options().credentials(operator).build())) {
                    assertThat(authenticated.listInstances(guarded)).hasSize(1);
                }
                if (i % 5 == 0) {
                    System.gc();
                }
            }
        }

        @Test
        @DisplayName("are never asked on a terminal by ssh: the ssh transport runs in batch mode")
        void sshBatchMode(@TempDir Path dir) throws Exception {
            // libvirt runs the URI's ssh command; this one records its arguments and fails, as a host would
            // that no key logs in to.
            Path args = dir.resolve("ssh-args");
            Path ssh = dir.resolve("recording-ssh");
            Files.writeString(ssh, "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + args + "'\nexit 1\n");
            Files.setPosixFilePermissions(ssh, PosixFilePermissions.fromString("rwx------"));
            Host overSsh = new Host("h-ssh", "kvm", "qemu+ssh://operator@h-ssh.invalid/system?command=" + ssh);

            assertThatThrownBy(() -> provider.listInstances(overSsh)).isInstanceOf(UnmanagedException.class);

            assertThat(Files.readAllLines(args)).contains("-T", "BatchMode=yes", "h-ssh.invalid");
        }

        @Test
        @DisplayName("that are declined give a typed access-denied error saying what libvirt asked for")
        void declined() {
            assertThatThrownBy(() -> provider.listInstances(guarded)).isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("AUTHNAME").hasMessageContaining("credentials");
        }
    }

    @Nested
    @DisplayName("errors")
    class Errors {
        @Test
        @DisplayName("report a host that refuses connections as unavailable")
        void unreachable() {
            Host closedPort = new Host("h-closed", "kvm", "qemu+tcp://127.0.0.1:1/system");

            assertThatThrownBy(() -> provider.listInstances(closedPort))
                    .isInstanceOfSatisfying(HostUnavailableException.class,
                            e -> assertThat(e.hostId()).isEqualTo("h-closed"))
                    .hasMessageContaining("127.0.0.1");
        }

        @Test
        @DisplayName("report a call that overruns its timeout as the host being unavailable")
        void timeout() {
            try (KvmInstanceProvider impatient = new KvmInstanceProvider(
                    TestDriverHosts.options().callTimeout(Duration.ofNanos(1)).build())) {
                assertThatThrownBy(() -> impatient.listInstances(host))
                        .isInstanceOf(HostUnavailableException.class).hasMessageContaining("did not finish within");
            }
        }

        @Test
        @DisplayName("report a host that accepts connections but never answers as unavailable once the call times out")
        void silentHost() throws Exception {
            List<Socket> accepted = new java.util.concurrent.CopyOnWriteArrayList<>();
            try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                Thread acceptor = new Thread(() -> {
                    try {
                        while (true) {
                            accepted.add(silent.accept());
                        }
                    } catch (IOException closed) {
                        // The test is over.
                    }
                });
                acceptor.setDaemon(true);
                acceptor.start();
                Host mute = new Host("h-mute", "kvm", "qemu+tcp://127.0.0.1:" + silent.getLocalPort() + "/system");

                try (KvmInstanceProvider impatient = new KvmInstanceProvider(
                        TestDriverHosts.options().callTimeout(Duration.ofSeconds(2)).build())) {
                    assertThatThrownBy(() -> impatient.listInstances(mute))
                            .isInstanceOfSatisfying(HostUnavailableException.class,
                                    e -> assertThat(e.hostId()).isEqualTo("h-mute"))
                            .hasMessageContaining("did not finish within PT2S");
                }
                assertThat(accepted).as("libvirt reached the silent host").isNotEmpty();
            } finally {
                // End of stream lets the call still waiting inside libvirt give up.
                for (Socket socket : accepted) {
                    socket.close();
                }
            }
        }

        @Test
        @DisplayName("report a URI no libvirt driver serves with a typed error, not a libvirt exception")
        void unknownDriver() {
            Host nowhere = new Host("h-nowhere", "kvm", "nosuchdriver:///system");

            // libvirt hands a URI no local driver serves to the daemon: with one running it answers that no driver
            // serves it, without one the socket cannot be reached; either way the host is unavailable.
            assertThatThrownBy(() -> provider.listInstances(nowhere)).isInstanceOf(HostUnavailableException.class)
                    .hasMessageContaining("nosuchdriver:///system")
                    .hasMessageMatching(".*(VIR_ERR_NO_CONNECT|VIR_ERR_SYSTEM_ERROR).*");
        }

        @Test
        @DisplayName("say which package to install when libvirt's native library cannot be loaded")
        void missingNativeLibrary() throws Exception {
            // A JVM whose JNA searches no system directory: libvirt.so.0 is not found, as on a host without it.
            Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djna.platform.library.path=/nonexistent", "-Djna.library.path=/nonexistent",
                    "-cp", System.getProperty("java.class.path"), MissingNativeLibraryProbe.class.getName())
                    .redirectErrorStream(true).start();
            String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(output.lines().filter(l -> l.startsWith("attempt "))).hasSize(2)
                    .allSatisfy(line -> assertThat(line).contains("ProviderFailureException PROVIDER_FAILURE")
                            .contains("libvirt0"));
        }

        @Test
        @DisplayName("refuse calls after the provider was closed")
        void closedProvider() {
            provider.listInstances(host);
            provider.close();

            assertThatThrownBy(() -> provider.listInstances(host)).isInstanceOf(UnmanagedException.class)
                    .hasMessageContaining("closed");
        }
    }

    @Nested
    @DisplayName("connections")
    class Connections {
        @Test
        @DisplayName("share one connection per host between many threads, which all see the same instances")
        void concurrentListing() throws Exception {
            List<InstanceDescriptor> expected = provider.listInstances(host);
            ExecutorService threads = Executors.newFixedThreadPool(16);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Callable<List<InstanceDescriptor>>> listings = IntStream.range(0, 32)
                        .<Callable<List<InstanceDescriptor>>>mapToObj(i -> () -> {
                            start.await();
                            return i % 2 == 0 ? provider.listInstances(host)
                                    : List.of(provider.describeInstance(host, "db-off"));
                        }).toList();
                List<Future<List<InstanceDescriptor>>> results = listings.stream().map(threads::submit).toList();
                start.countDown();
                for (int i = 0; i < results.size(); i++) {
                    List<InstanceDescriptor> result = results.get(i).get();
                    if (i % 2 == 0) {
                        assertThat(result).isEqualTo(expected);
                    } else {
                        assertThat(result).singleElement().extracting(InstanceDescriptor::uuid).isEqualTo(DB_OFF);
                    }
                }
            } finally {
                threads.shutdownNow();
            }
            assertThat(provider.openedConnections()).isEqualTo(1);
        }

        @Test
        @DisplayName("reconnect after the connection was closed under them")
        void reconnect() throws Exception {
            provider.prepareForUnmanage(host, WEB_TRANSIENT);
            assertThat(provider.describeInstance(host, "web-transient").persistent()).isTrue();

            provider.currentConnection(host).close();

            // A new test-driver connection starts from the node file, where the domain is transient again.
            assertThat(provider.describeInstance(host, "web-transient").persistent()).isFalse();
            assertThat(provider.listInstances(host)).hasSize(8);
            assertThat(provider.openedConnections()).isEqualTo(2);
        }

        @Test
        @DisplayName("are all closed by close()")
        void closeClosesEveryConnection() throws Exception {
            provider.listInstances(host);
            provider.listInstances(TestDriverHosts.empty());
            org.libvirt.Connect mixed = provider.currentConnection(host);
            org.libvirt.Connect empty = provider.currentConnection(TestDriverHosts.empty());

            provider.close();

            assertThat(mixed.isConnected()).isFalse();
            assertThat(empty.isConnected()).isFalse();
        }

        @Test
        @DisplayName("are closed by close() only once the listing still using them has finished")
        void closeWaitsForCallInFlight() throws Exception {
            CountDownLatch listing = new CountDownLatch(1);
            CountDownLatch closed = new CountDownLatch(1);
            DefinitionParser pausing = xml -> {
                listing.countDown();
                try {
                    closed.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return DomainXmlParser.shared().parse(xml);
            };
            KvmInstanceProvider closing = new KvmInstanceProvider(TestDriverHosts.OPTIONS, pausing);
            ExecutorService caller = Executors.newSingleThreadExecutor();
            try {
                Future<List<InstanceDescriptor>> listed = caller.submit(() -> closing.listInstances(host));
                assertThat(listing.await(10, TimeUnit.SECONDS)).isTrue();
                org.libvirt.Connect inUse = closing.currentConnection(host);

                closing.close();
                assertThat(inUse.isConnected()).as("still used by the listing").isTrue();
                closed.countDown();

                assertThat(listed.get(10, TimeUnit.SECONDS)).hasSize(8);
                assertThat(inUse.isConnected()).as("closed once the listing finished").isFalse();
            } finally {
                closed.countDown();
                caller.shutdownNow();
            }
        }

        @Test
        @DisplayName("are opened per host: two hosts, two connections")
        void perHost() {
            provider.listInstances(host);
            provider.listInstances(TestDriverHosts.empty());
            provider.listInstances(host);

            assertThat(provider.openedConnections()).isEqualTo(2);
        }
    }

    @Nested
    @DisplayName("discovery")
    class Discovery {
        @Test
        @DisplayName("finds the provider for hypervisor kvm through ServiceLoader")
        void serviceLoader() {
            List<HypervisorInstanceProvider> found = ServiceLoader.load(HypervisorInstanceProvider.class).stream()
                    .map(ServiceLoader.Provider::get).toList();
            try {
                assertThat(found).filteredOn(p -> p.hypervisor().equals("kvm")).singleElement()
                        .isInstanceOf(KvmInstanceProvider.class);
            } finally {
                found.forEach(HypervisorInstanceProvider::close);
            }
        }
    }
}
