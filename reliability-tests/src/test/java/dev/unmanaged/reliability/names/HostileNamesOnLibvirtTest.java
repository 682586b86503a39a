package dev.unmanaged.reliability.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

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
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The same hostile names on real libvirt: for each, a test-driver node file is written at test time with one
 * running transient domain of that name (and a disk path that is hostile too); the KVM provider lists and
 * describes it, the core imports it into the JDBC store on H2 and unmanages it, which defines it persistently.
 * Names libvirt itself refuses are recorded; the refusal must reach the caller as a typed error.
 */
@DisplayName("Hostile VM names on libvirt's test driver: listed, imported and unmanaged, or refused typed by libvirt")
class HostileNamesOnLibvirtTest {
    static final java.util.List<Hostile> NAMES = HostileValues.NAMES;
    private static final Map<String, String> OUTCOMES = new ConcurrentHashMap<>();

    @TempDir
    static Path nodes;

    @AfterAll
    static void report() {
        new TreeMap<>(OUTCOMES).forEach((name, outcome) -> System.out.printf("names on libvirt: %-26s %s%n", name, outcome));
    }

    private static String printable(String text) {
        return text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("NAMES")
    void listImportUnmanage(Hostile name) {
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
            if (!listing.complete()) {
                UnmanagedException refusal = listing.failures().get(0).error();
                assertThat(refusal).as("libvirt's refusal reaches the caller typed").isNotNull();
                assertThat(refusal.getMessage()).doesNotContain("SENTINEL-");
                OUTCOMES.put(name.label(), "refused by libvirt: " + refusal.code() + " "
                        + refusal.getMessage().replaceAll("\\s+", " ").substring(0, Math.min(140, refusal.getMessage().length())));
                assertThat(CapturedLogs.multiLineMessages()).isEmpty();
                return;
            }
            InstanceDescriptor listed = listing.instances().stream().filter(d -> uuid.equals(d.uuid())).findFirst()
                    .orElseThrow(() -> new AssertionError("libvirt accepted the node file but the domain is missing"));
            String shownName = listed.name();
            boolean nameIntact = shownName.equals(name.value());
            // A name that does not come back intact (see KnownDefectsTest) is followed by its UUID from here on.
            String key = nameIntact ? shownName : uuid.toString();
            boolean pathNormalised = !listed.disks().get(0).source().equals(path);
            // libvirt writes a line break inside an attribute raw, and XML attribute normalisation (which every
            // conforming parser applies) reads it back as a space.
            assertThat(listed.disks()).extracting(DiskDescriptor::source)
                    .containsExactly(path.replace('\n', ' ').replace('\r', ' ').replace('\t', ' '));
            assertThat(instances.describe(host, key).uuid()).isEqualTo(uuid);

            var imported = instances.importInstance(ImportRequest.builder(host, key)
                    .owner(CatalogFixture.ACME).displayName("hostile-vm").offering(CatalogFixture.CUSTOM)
                    .network(mac, CatalogFixture.SHARED_NET).ip(mac, IpAssignment.auto())
                    .pool("vda", CatalogFixture.IMAGES_POOL).diskOffering("vda", CatalogFixture.DISK_CUSTOM).build());
            assertThat(imported.instance().name()).isEqualTo(shownName);
            assertThat(instances.list(ListQuery.of(host)).instances()).noneMatch(d -> uuid.equals(d.uuid()));

            String outcome = (nameIntact ? "listed, imported" : "listed as '" + printable(shownName)
                    + "' (not the name libvirt holds), imported by UUID")
                    + (pathNormalised ? " (disk path's line breaks read back as spaces)" : "");
            Throwable refused = catchThrowable(() -> instances.unmanage(new UnmanageRequest(key)));
            if (refused == null) {
                assertThat(instances.describe(host, uuid.toString()).persistent()).isTrue();
                outcome += ", unmanaged (now persistent)";
            } else {
                // libvirt will not define some names it lists; the refusal is typed, nothing is lost.
                assertThat(refused).isInstanceOf(UnmanagedException.class);
                assertThat(refused.getMessage()).doesNotContain("SENTINEL-");
                assertThat(store.store().find(uuid)).as("the record stays").isPresent();
                assertThat(instances.describe(host, uuid.toString()).persistent()).isFalse();
                outcome += ", unmanage refused by libvirt (" + ((UnmanagedException) refused).code()
                        + "): record kept, VM untouched";
            }
            OUTCOMES.put(name.label(), outcome);
        }
        assertThat(CapturedLogs.multiLineMessages()).as("log lines that span lines").isEmpty();
    }
}
