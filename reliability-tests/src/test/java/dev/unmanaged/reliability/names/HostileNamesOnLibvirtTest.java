package dev.unmanaged.reliability.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.unmanaged.api.error.ErrorCode;
import dev.unmanaged.api.error.UnmanagedException;
import dev.unmanaged.api.instance.DiskDescriptor;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.InstanceListing;
import dev.unmanaged.api.operation.IpAssignment;
import dev.unmanaged.api.operation.ListQuery;
import dev.unmanaged.api.operation.UnmanageRequest;
import dev.unmanaged.core.UnmanagedInstances;
import dev.unmanaged.kvm.KvmInstanceProvider;
import dev.unmanaged.reliability.support.CapturedLogs;
import dev.unmanaged.reliability.support.HostileValues;
import dev.unmanaged.reliability.support.HostileValues.Hostile;
import dev.unmanaged.reliability.support.Stores;
import dev.unmanaged.reliability.support.TestDriverNode;
import dev.unmanaged.tck.CatalogFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same hostile names on real libvirt: for each, a test-driver node file is written at test time with one
 * running transient domain of that name (and a disk path that is hostile too); the KVM provider lists and
 * describes it, the core imports it into the JDBC store on H2 and unmanages it, which defines it persistently.
 * What libvirt does with each name is pinned in {@link #EXPECTED} (the table of docs/reliability.md): a name that
 * libvirt starts accepting or refusing differently, or that comes back changed, fails the test.
 */
@DisplayName("Hostile VM names on libvirt's test driver: listed, imported and unmanaged, or refused typed by libvirt")
class HostileNamesOnLibvirtTest {
    /** What libvirt (9.0, test driver) does with a name. */
    enum Expected {
        /** Listed, described, imported and unmanaged (now persistent); name and disk path intact. */
        MANAGED_AND_RELEASED,
        /**
         * Listed, described and imported; libvirt will not define the domain persistently, so unmanage is refused
         * typed ({@code PROVIDER_FAILURE}), the record stays and the VM stays transient. The disk path's line
         * breaks come back as spaces (libvirt writes them raw into the attribute; XML reads them as spaces).
         */
        IMPORTED_NOT_RELEASABLE,
        /** libvirt refuses the definition when it loads the node ({@code VIR_ERR_XML_ERROR}); the host is failed. */
        REFUSED_BY_LIBVIRT
    }

    /** The outcome per name, by {@link Hostile#label()}. */
    static final Map<String, Expected> EXPECTED = Map.ofEntries(
            Map.entry("spaces", Expected.MANAGED_AND_RELEASED),
            Map.entry("single quote", Expected.MANAGED_AND_RELEASED),
            Map.entry("double quote", Expected.MANAGED_AND_RELEASED),
            Map.entry("command substitution", Expected.REFUSED_BY_LIBVIRT),
            Map.entry("backticks", Expected.REFUSED_BY_LIBVIRT),
            Map.entry("semicolons", Expected.REFUSED_BY_LIBVIRT),
            Map.entry("newline", Expected.IMPORTED_NOT_RELEASABLE),
            Map.entry("carriage return and tab", Expected.IMPORTED_NOT_RELEASABLE),
            Map.entry("unicode", Expected.MANAGED_AND_RELEASED),
            Map.entry("1,000 characters", Expected.MANAGED_AND_RELEASED),
            Map.entry("markup and ampersand", Expected.REFUSED_BY_LIBVIRT),
            Map.entry("glob and pipe", Expected.MANAGED_AND_RELEASED),
            Map.entry("command substitution, no slash", Expected.MANAGED_AND_RELEASED),
            Map.entry("backticks, no slash", Expected.MANAGED_AND_RELEASED),
            Map.entry("semicolons, no slash", Expected.MANAGED_AND_RELEASED),
            Map.entry("markup and ampersand, no slash", Expected.MANAGED_AND_RELEASED));

    /**
     * libvirt refuses every name with a {@code /} ("cannot contain '/'"), which the shell-hostile names of
     * {@link HostileValues#NAMES} hold; these are the same without it, so that libvirt's answer to the
     * characters themselves is pinned too.
     */
    static final List<Hostile> SLASH_FREE = List.of(
            new Hostile("command substitution, no slash", "$(touch unmanaged-pwned)"),
            new Hostile("backticks, no slash", "`touch unmanaged-pwned`"),
            new Hostile("semicolons, no slash", "a;touch unmanaged-pwned;b"),
            new Hostile("markup and ampersand, no slash", "<b>&amp;<b>"));

    private static final Map<String, String> OUTCOMES = new ConcurrentHashMap<>();

    @TempDir
    static Path nodes;

    static Stream<Arguments> names() {
        return Stream.concat(HostileValues.NAMES.stream(), SLASH_FREE.stream())
                .map(name -> Arguments.of(name, EXPECTED.get(name.label())));
    }

    @AfterAll
    static void report() {
        new TreeMap<>(OUTCOMES).forEach((name, outcome) -> System.out.printf("names on libvirt: %-32s %s%n", name, outcome));
    }

    @Test
    @DisplayName("every hostile name has an expected outcome on libvirt")
    void everyNameHasAnExpectedOutcome() {
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrderElementsOf(
                Stream.concat(HostileValues.NAMES.stream(), SLASH_FREE.stream()).map(Hostile::label).toList());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("names")
    @DisplayName("a hostile name is listed, imported and unmanaged, or refused, exactly as pinned")
    void listImportUnmanage(Hostile name, Expected expected) {
        assertThat(expected).as("expected outcome of '%s' (add it to EXPECTED)", name.label()).isNotNull();
        CapturedLogs.clear();
        UUID uuid = UUID.randomUUID();
        String mac = "52:54:00:7e:" + String.format("%02x:%02x", uuid.hashCode() & 0xff, (uuid.hashCode() >> 8) & 0xff);
        String path = HostileValues.diskPath(name);
        String uri = new TestDriverNode().domain(name.value(), uuid.toString(), path, mac, "SENTINEL-NAMES", true)
                .write(nodes, "names-" + Math.abs(name.label().hashCode()) + ".xml");
        Host host = new Host("kvm-" + name.label().replace(' ', '-'), "kvm", uri);

        try (var provider = new KvmInstanceProvider(TestDriverNode.PROVIDER_OPTIONS);
             var store = Stores.open(Stores.Kind.H2, CatalogFixture.catalog());
             var instances = UnmanagedInstances.builder().providers(provider).store(store.store())
                     .hostDeadline(Duration.ofSeconds(30)).build()) {
            InstanceListing listing = instances.list(ListQuery.of(host));
            if (expected == Expected.REFUSED_BY_LIBVIRT) {
                assertThat(listing.failures()).as("libvirt refuses the definition: the host is failed, not empty")
                        .singleElement().satisfies(failure -> {
                            // A node file libvirt will not load is an unreachable host, said in our words:
                            // libvirt's own text ("cannot contain '/'") quotes the file, so it is withheld.
                            assertThat(failure.error().code()).isEqualTo(ErrorCode.HOST_UNAVAILABLE);
                            assertThat(failure.error().getMessage()).contains("VIR_ERR_XML_ERROR")
                                    .contains("is not a libvirt test-driver node document")
                                    .doesNotContain("SENTINEL-");
                        });
                assertThat(listing.instances()).isEmpty();
                OUTCOMES.put(name.label(), "refused by libvirt: HOST_UNAVAILABLE (VIR_ERR_XML_ERROR)");
            } else {
                assertThat(listing.complete()).as("libvirt accepts '%s': %s", name.label(), listing.failures()).isTrue();
                OUTCOMES.put(name.label(), importAndUnmanage(instances, store, host, name, uuid, mac, path, expected));
            }
        }
        assertThat(CapturedLogs.multiLineMessages()).as("log lines that span lines").isEmpty();
    }

    private static String importAndUnmanage(UnmanagedInstances instances, Stores.Opened store, Host host,
                                            Hostile name, UUID uuid, String mac, String path, Expected expected) {
        InstanceDescriptor listed = instances.list(ListQuery.of(host)).instances().stream()
                .filter(d -> uuid.equals(d.uuid())).findFirst()
                .orElseThrow(() -> new AssertionError("libvirt accepted the node file but the domain is missing"));
        assertThat(listed.name()).as("the name as listed").isEqualTo(name.value());
        // libvirt writes a line break inside an attribute raw, and XML attribute normalisation (which every
        // conforming parser applies) reads it back as a space.
        String expectedPath = expected == Expected.IMPORTED_NOT_RELEASABLE
                ? path.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ') : path;
        assertThat(listed.disks()).extracting(DiskDescriptor::source).containsExactly(expectedPath);
        assertThat(instances.describe(host, name.value()).uuid()).isEqualTo(uuid);

        var imported = instances.importInstance(ImportRequest.builder(host, name.value())
                .owner(CatalogFixture.ACME).displayName("hostile-vm").offering(CatalogFixture.CUSTOM)
                .network(mac, CatalogFixture.SHARED_NET).ip(mac, IpAssignment.auto())
                .pool("vda", CatalogFixture.IMAGES_POOL).diskOffering("vda", CatalogFixture.DISK_CUSTOM).build());
        assertThat(imported.instance().name()).isEqualTo(name.value());
        assertThat(instances.list(ListQuery.of(host)).instances()).noneMatch(d -> uuid.equals(d.uuid()));

        Throwable refused = catchThrowable(() -> instances.unmanage(new UnmanageRequest(name.value())));
        if (expected == Expected.MANAGED_AND_RELEASED) {
            assertThat(refused).as("unmanage of '%s'", name.label()).isNull();
            assertThat(store.store().find(uuid)).as("the record is gone").isEmpty();
            assertThat(instances.describe(host, uuid.toString()).persistent()).isTrue();
            return "listed, imported, unmanaged (now persistent); name and path intact";
        }
        assertThat(refused).as("libvirt will not define it persistently: a typed refusal")
                .isInstanceOfSatisfying(UnmanagedException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_FAILURE));
        assertThat(refused.getMessage()).doesNotContain("SENTINEL-");
        assertThat(store.store().find(uuid)).as("the record stays").isPresent();
        assertThat(instances.describe(host, uuid.toString()).persistent()).isFalse();
        return "listed, imported (disk path's line breaks read back as spaces), unmanage refused by libvirt "
                + "(PROVIDER_FAILURE): record kept, VM untouched";
    }
}
