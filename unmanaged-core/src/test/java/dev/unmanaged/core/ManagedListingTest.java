package dev.unmanaged.core;

import static dev.unmanaged.core.Fixtures.H1;
import static dev.unmanaged.core.Fixtures.H2;
import static dev.unmanaged.core.Fixtures.mac;
import static dev.unmanaged.core.Fixtures.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.ManagedListing;
import dev.unmanaged.api.operation.ManagedQuery;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Listing the managed inventory through the facade")
class ManagedListingTest {
    private final Workbench bench = new Workbench();
    private final UnmanagedInstances instances = bench.instances;

    @BeforeEach
    void importThree() {
        importOne(H2, "web", 1, "alice");
        importOne(H1, "db", 2, "alice");
        importOne(H1, "web", 3, "bob");
    }

    @AfterEach
    void tearDown() {
        bench.close();
    }

    @Test
    @DisplayName("every managed instance, sorted by host, then name, then UUID")
    void all() {
        ManagedListing listing = instances.listManaged(ManagedQuery.all());

        assertThat(listing.totalMatching()).isEqualTo(3);
        assertThat(listing.instances()).extracting(ManagedInstance::uuid).containsExactly(uuid(2), uuid(3), uuid(1));
    }

    @Test
    @DisplayName("filters by name (any letter case), host and owner, counting matches before the page")
    void filtersAndPages() {
        assertThat(instances.listManaged(ManagedQuery.all().withNameContaining("WE")).instances())
                .extracting(ManagedInstance::uuid).containsExactly(uuid(3), uuid(1));
        assertThat(instances.listManaged(ManagedQuery.all().onHosts(Set.of(H1.id()))).instances())
                .extracting(ManagedInstance::uuid).containsExactly(uuid(2), uuid(3));
        assertThat(instances.listManaged(ManagedQuery.all().ofOwners(Set.of("bob"))).instances())
                .extracting(ManagedInstance::uuid).containsExactly(uuid(3));

        ManagedListing page = instances.listManaged(ManagedQuery.all().withPage(1, 1));
        assertThat(page.totalMatching()).isEqualTo(3);
        assertThat(page.instances()).extracting(ManagedInstance::uuid).containsExactly(uuid(3));
        assertThat(instances.listManaged(ManagedQuery.all().withPage(5, 0)).instances()).isEmpty();
    }

    @Test
    @DisplayName("a negative offset or limit is refused naming the field")
    void refusesBadPaging() {
        assertThatThrownBy(() -> ManagedQuery.all().withPage(-1, 0)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("offset");
        assertThatThrownBy(() -> ManagedQuery.all().withPage(0, -2)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("limit");
    }

    private void importOne(dev.unmanaged.api.instance.Host host, String name, int n, String owner) {
        Fixtures.put(bench.provider, host, Fixtures.vm(name, uuid(n), List.of(mac(n)),
                List.of("/var/lib/libvirt/images/" + name + n + ".qcow2")));
        instances.importInstance(ImportRequest.builder(host, name).owner(owner).offering("small")
                .network(mac(n), "net1").pool("vda", "images").build());
    }
}
