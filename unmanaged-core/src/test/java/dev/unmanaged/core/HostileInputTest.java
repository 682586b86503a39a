package dev.unmanaged.core;

import static dev.unmanaged.core.Fixtures.H1;
import static dev.unmanaged.core.Fixtures.mac;
import static dev.unmanaged.core.Fixtures.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unmanaged.api.error.ImportRejectedException;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.operation.ImportPlan;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.ImportResult;
import dev.unmanaged.api.operation.InstanceListing;
import dev.unmanaged.api.operation.ListQuery;
import dev.unmanaged.api.operation.UnmanageRequest;
import dev.unmanaged.tck.fake.InMemoryHypervisorProvider;
import dev.unmanaged.tck.fake.InMemoryInventoryStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Hostile names and secrets")
class HostileInputTest {
    private static final String SECRET = "SENTINEL-graphics-password";
    private static final String HOSTILE = "evil \"quoted\" $(rm -rf /) `id`; drop\nINFO forged line\r\u2028é"
            + "x".repeat(1000);

    private InMemoryHypervisorProvider provider;
    private InMemoryInventoryStore store;
    private UnmanagedInstances instances;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void setUp() {
        originalErr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        provider = Fixtures.provider();
        store = new InMemoryInventoryStore(Fixtures.CATALOG);
        instances = UnmanagedInstances.builder().providers(provider).store(store).build();
        InstanceDescriptor vm = Fixtures.vm(HOSTILE, uuid(66), List.of(mac(66)),
                List.of("/var/lib/libvirt/images/with space; $(x).qcow2"));
        provider.putInstance(H1.id(), vm, SECRET);
    }

    @AfterEach
    void tearDown() {
        instances.close();
        System.setErr(originalErr);
    }

    @Test
    @DisplayName("are listed, planned, imported and unmanaged intact; every log line stays one line; no secret shows")
    void hostileNameRoundTrip() {
        InstanceListing listing = instances.list(ListQuery.of(H1));
        assertThat(listing.instances()).extracting(InstanceDescriptor::name).containsExactly(HOSTILE);

        ImportRequest refused = ImportRequest.builder(H1, HOSTILE).owner("alice").offering("small").build();
        assertThatThrownBy(() -> instances.importInstance(refused)).isInstanceOf(ImportRejectedException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "\r"));

        ImportRequest request = ImportRequest.builder(H1, HOSTILE).owner("alice").offering("small")
                .displayName("evil-1").network(mac(66), "net1").pool("vda", "images").build();
        ImportPlan plan = instances.plan(request);
        assertThat(plan.problems()).isEmpty();
        ImportResult result = instances.importInstance(request);
        assertThat(result.instance().name()).isEqualTo(HOSTILE);
        assertThat(result.instance().disks().get(0).source()).isEqualTo("/var/lib/libvirt/images/with space; $(x).qcow2");
        assertThat(store.findByName(HOSTILE)).hasSize(1);

        instances.unmanage(new UnmanageRequest(HOSTILE));
        assertThat(store.list()).isEmpty();

        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("Imported instance").contains("Unmanaged instance").contains("refused");
        // Every line that carries the hostile name is a whole log line of its own: nothing was forged.
        assertThat(log.split("\n")).filteredOn(line -> line.contains("forged line")).isNotEmpty()
                .allSatisfy(line -> assertThat(line).matches("^\\[[^\\]]+\\] (TRACE|DEBUG|INFO|WARN|ERROR) .*"));
        assertThat(log).doesNotContain("\r", "\u2028", SECRET).contains("\\nINFO forged line");
        assertThat(plan.toString()).doesNotContain(SECRET);
        assertThat(result.toString()).doesNotContain(SECRET);
    }
}
