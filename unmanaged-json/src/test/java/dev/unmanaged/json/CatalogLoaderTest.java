package dev.unmanaged.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.inventory.AddressRange;
import dev.unmanaged.api.inventory.Catalog;
import dev.unmanaged.api.inventory.ComputeOffering;
import dev.unmanaged.api.inventory.DiskOffering;
import dev.unmanaged.api.inventory.Network;
import dev.unmanaged.api.inventory.Owner;
import dev.unmanaged.api.inventory.StoragePool;
import dev.unmanaged.api.inventory.Template;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Loading a catalog from JSON")
class CatalogLoaderTest {
    private static final long GIB = 1L << 30;

    @Test
    @DisplayName("reads every kind of entry, sizes with units, both range forms and owner restrictions")
    void readsEverything(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("catalog.json");
        Files.writeString(file, """
                {
                  "owners": [{"id": "acme", "name": "ACME"}, {"id": "globex"}],
                  "computeOfferings": [
                    {"id": "small", "name": "Small", "vcpus": 1, "memory": "1 GiB"},
                    {"id": "custom", "name": "Custom", "custom": true, "minVcpus": 1, "maxVcpus": 16,
                     "minMemory": "512MiB", "maxMemory": 68719476736, "owners": ["acme"]}
                  ],
                  "networks": [
                    {"id": "prod", "name": "Prod", "range": "10.1.0.10 - 10.1.0.250", "vlan": 100},
                    {"id": "lab", "range": {"first": "192.168.1.2", "last": "192.168.1.9"}, "owners": ["globex"]}
                  ],
                  "storagePools": [
                    {"id": "local", "name": "Local", "path": "/var/lib/libvirt/images", "hostPoolName": "default"},
                    {"id": "rbd", "name": "RBD", "hostPoolName": "rbd"}
                  ],
                  "diskOfferings": [
                    {"id": "d20", "name": "20 GiB", "size": "20 GiB"},
                    {"id": "any", "name": "Any", "custom": true}
                  ],
                  "templates": [{"id": "debian-12", "name": "Debian 12", "osType": "Debian 12"}]
                }
                """);
        Catalog catalog = CatalogLoader.load(file);
        assertThat(catalog.owners()).containsExactly(new Owner("acme", "ACME"), new Owner("globex", "globex"));
        assertThat(catalog.offerings()).containsExactly(ComputeOffering.fixed("small", "Small", 1, GIB),
                new ComputeOffering("custom", "Custom", true, 1, 16, 512L << 20, 64 * GIB, Set.of("acme")));
        assertThat(catalog.networks()).containsExactly(
                new Network("prod", "Prod", new AddressRange("10.1.0.10", "10.1.0.250"), 100, Set.of()),
                new Network("lab", "lab", new AddressRange("192.168.1.2", "192.168.1.9"), null, Set.of("globex")));
        assertThat(catalog.pools()).containsExactly(
                new StoragePool("local", "Local", "/var/lib/libvirt/images", "default", Set.of()),
                new StoragePool("rbd", "RBD", null, "rbd", Set.of()));
        assertThat(catalog.diskOfferings()).containsExactly(new DiskOffering("d20", "20 GiB", 20 * GIB, false, Set.of()),
                new DiskOffering("any", "Any", 0, true, Set.of()));
        assertThat(catalog.templates()).containsExactly(new Template("debian-12", "Debian 12", "Debian 12", Set.of()));
    }

    @Test
    @DisplayName("an empty object is an empty catalog, and a stream reads like text")
    void emptyAndStream() {
        assertThat(CatalogLoader.parse("{}")).isEqualTo(Catalog.EMPTY);
        assertThat(CatalogLoader.read(new ByteArrayInputStream(DemoCatalog.json().getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(DemoCatalog.catalog());
    }

    @Test
    @DisplayName("the demo catalog is small but complete: owners, fixed and custom offerings, VLANs, pools, templates")
    void demoCatalog() {
        Catalog demo = DemoCatalog.catalog();
        assertThat(demo.owners()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(demo.offerings()).anyMatch(ComputeOffering::custom).anyMatch(o -> !o.custom());
        assertThat(demo.networks()).hasSizeBetween(2, 3).anyMatch(n -> n.vlan() != null)
                .allMatch(n -> n.range().size() >= 100);
        assertThat(demo.pools()).anyMatch(p -> p.path() != null).anyMatch(p -> p.hostPoolName() != null);
        assertThat(demo.diskOfferings()).anyMatch(DiskOffering::custom);
        assertThat(demo.templates()).isNotEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" is {1} bytes")
    @DisplayName("a size takes the grammar of the command line: binary and decimal units, short units, fractions")
    @CsvSource({"20 GiB, 21474836480", "20G, 21474836480", "20 GB, 20000000000", "1.5 GiB, 1610612736",
            "512m, 536870912", "4096, 4096"})
    void sizesShareTheCommandLineGrammar(String size, long bytes) {
        Catalog catalog = CatalogLoader.parse("{\"diskOfferings\": [{\"id\": \"d\", \"size\": \"" + size + "\"}]}");
        assertThat(catalog.diskOfferings()).singleElement().extracting(DiskOffering::sizeBytes).isEqualTo(bytes);
    }

    @Test
    @DisplayName("an offering may state a CPU speed per vCPU (bounds when custom) and whether it caps the CPU")
    void readsCpuSpeedAndCap() {
        Catalog catalog = CatalogLoader.parse("""
                {"computeOfferings": [
                  {"id": "fast", "vcpus": 2, "memory": "4 GiB", "cpuSpeedMhz": 2000, "cpuCapped": true},
                  {"id": "flex", "custom": true, "minVcpus": 1, "maxVcpus": 8, "minMemory": "1 GiB",
                   "maxMemory": "8 GiB", "minCpuSpeedMhz": 500, "cpuCapped": false}
                ]}
                """);
        assertThat(catalog.offerings()).containsExactly(
                ComputeOffering.fixed("fast", "fast", 2, 4 * GIB).withCpuSpeed(2000, 2000).withCpuCapped(true),
                ComputeOffering.custom("flex", "flex", 1, 8, GIB, 8 * GIB).withCpuSpeed(500, null)
                        .withCpuCapped(false));
    }

    @Test
    @DisplayName("a storage pool's name on the hosts is still read under its former key hypervisorPoolName")
    void readsTheFormerPoolNameKey() {
        Catalog catalog = CatalogLoader.parse("""
                {"storagePools": [{"id": "rbd", "name": "RBD", "hypervisorPoolName": "rbd-pool"}]}
                """);
        assertThat(catalog.pools()).containsExactly(new StoragePool("rbd", "RBD", null, "rbd-pool", Set.of()));
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("refuses a bad value naming its path, the value and what was expected")
    @CsvSource(delimiter = '|', textBlock = """
            unknown key           | {"networks": [{"id": "n", "range": "10.0.0.1-10.0.0.2", "vlanid": 4}]} | networks[0].vlanid | only the keys
            missing id            | {"owners": [{"name": "x"}]}                                            | owners[0].id       | a non-blank id
            duplicate id          | {"templates": [{"id": "t"}, {"id": "t"}]}                              | templates[1].id    | not used before
            bad address           | {"networks": [{"id": "n", "range": "10.0.0.1-10.0.0.300"}]}            | 10.0.0.300         | IPv4
            reversed range        | {"networks": [{"id": "n", "range": "10.0.0.9-10.0.0.1"}]}              | networks[0].range  | not below its first
            vlan out of range     | {"networks": [{"id": "n", "range": "10.0.0.1-10.0.0.2", "vlan": 5000}]}| networks[0].vlan   | from 0 to 4094
            bad size unit         | {"diskOfferings": [{"id": "d", "size": "20 XB"}]}                      | diskOfferings[0].size | 4GiB
            fraction of a byte    | {"diskOfferings": [{"id": "d", "size": "1.5 B"}]}                      | diskOfferings[0].size | a positive size
            missing memory        | {"computeOfferings": [{"id": "o", "vcpus": 2}]}                        | computeOfferings[0].memory | a number of bytes
            custom bounds         | {"computeOfferings": [{"id": "o", "custom": true, "minVcpus": 4, "maxVcpus": 2, "minMemory": 1, "maxMemory": 2}]} | computeOfferings[0].maxVcpus | from 4
            speed of 0 MHz        | {"computeOfferings": [{"id": "o", "vcpus": 2, "memory": 1, "cpuSpeedMhz": 0}]} | computeOfferings[0].cpuSpeedMhz | from 1 to 1000000
            speed bounds reversed | {"computeOfferings": [{"id": "o", "custom": true, "minVcpus": 1, "maxVcpus": 2, "minMemory": 1, "maxMemory": 2, "minCpuSpeedMhz": 3000, "maxCpuSpeedMhz": 2000}]} | computeOfferings[0].maxCpuSpeedMhz | from 3000
            speed bounds on fixed | {"computeOfferings": [{"id": "o", "vcpus": 2, "memory": 1, "minCpuSpeedMhz": 1000}]} | computeOfferings[0].minCpuSpeedMhz | only the keys
            cap not a boolean     | {"computeOfferings": [{"id": "o", "vcpus": 2, "memory": 1, "cpuCapped": "yes"}]} | computeOfferings[0].cpuCapped | true or false
            undeclared owner      | {"owners": [{"id": "acme"}], "templates": [{"id": "t", "owners": ["acne"]}]} | templates[0].owners[0] | declared in the file
            pool without location | {"storagePools": [{"id": "p"}]}                                        | storagePools[0].path | pool's name on the hosts
            pool name twice       | {"storagePools": [{"id": "p", "hostPoolName": "a", "hypervisorPoolName": "b"}]} | storagePools[0].hypervisorPoolName | only one of hostPoolName
            unknown section       | {"offerings": []}                                                      | offerings          | only the keys
            section not an array  | {"owners": {"id": "x"}}                                                | owners             | a JSON array
            malformed JSON        | {"owners": [                                                           | line 1             | well-formed JSON
            duplicate key         | {"owners": [], "owners": []}                                           | line 1             | well-formed JSON
            """)
    void refusesBadValues(String why, String json, String path, String expected) {
        assertThatThrownBy(() -> CatalogLoader.parse(json))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(path)
                .hasMessageContaining(expected);
    }

    @Test
    @DisplayName("a file that cannot be read is named in the error")
    void unreadableFile(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> CatalogLoader.load(missing))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(missing.toString());
    }
}
