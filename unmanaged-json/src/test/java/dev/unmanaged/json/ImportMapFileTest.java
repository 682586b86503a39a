package dev.unmanaged.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.mapping.DiskMatch;
import dev.unmanaged.api.mapping.ImportMap;
import dev.unmanaged.api.mapping.IpPolicy;
import dev.unmanaged.api.mapping.NetworkRule;
import dev.unmanaged.api.mapping.NicMatch;
import dev.unmanaged.api.mapping.OfferingPolicy;
import dev.unmanaged.api.mapping.StorageMap;
import dev.unmanaged.api.mapping.StorageRule;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Reading an import map file")
class ImportMapFileTest {
    /** The shape the documentation shows, word for word. */
    static final String DOCUMENTED = """
            {
              "networks": [
                {"match": {"bridge": "br0"}, "network": "prod"},
                {"match": {"network": "default"}, "network": "guest"},
                {"match": {"device": "eth0"}, "network": "lab"},
                {"match": {"vlan": 130}, "network": "lab"},
                {"match": {"portGroup": "DC0_DVPG0"}, "network": "prod"}
              ],
              "pools": [
                {"match": {"hostPool": "default"}, "pool": "local-images"},
                {"match": {"pathPrefix": "/mnt/primary/"}, "pool": "nfs-primary"}
              ],
              "offering": "custom",
              "ip": "auto"
            }
            """;

    @Test
    @DisplayName("the documented shape reads into ordered rules of every kind, with the offering and IP policies")
    void documentedShape(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("map.json");
        Files.writeString(file, DOCUMENTED);

        ImportMap map = ImportMapFile.load(file);

        assertThat(map.networks().rules()).containsExactly(
                NetworkRule.of(NicMatch.bridge("br0"), "prod"), NetworkRule.of(NicMatch.network("default"), "guest"),
                NetworkRule.of(NicMatch.device("eth0"), "lab"), NetworkRule.of(NicMatch.vlan(130), "lab"),
                NetworkRule.of(NicMatch.portGroup("DC0_DVPG0"), "prod"));
        assertThat(map.networks().defaultIp()).isEqualTo(IpPolicy.AUTO);
        assertThat(map.storage().rules()).containsExactly(
                new StorageRule(DiskMatch.hostPool("default"), "local-images"),
                new StorageRule(DiskMatch.pathPrefix("/mnt/primary/"), "nfs-primary"));
        assertThat(map.offering()).isEqualTo(OfferingPolicy.CUSTOM);
    }

    @Test
    @DisplayName("a rule may give its own IP policy (current too), the smallest-fixed policy is spelled as written,"
            + " poolsByHostPool maps disks by their host pool, and an empty object is a map without rules")
    void extrasAndDefaults() {
        ImportMap map = ImportMapFile.parse("""
                {"networks": [{"match": {"bridge": "br0"}, "network": "prod", "ip": "none"}],
                 "offering": "smallest-fixed"}""", "m");

        assertThat(map.networks().rules().get(0).ip()).isEqualTo(IpPolicy.NONE);
        assertThat(map.networks().defaultIp()).isEqualTo(IpPolicy.NONE);
        assertThat(map.offering()).isEqualTo(OfferingPolicy.SMALLEST_FIXED);
        assertThat(ImportMapFile.parse("{}", "m").networks().rules()).isEmpty();
        assertThat(ImportMapFile.parse("{}", "m").storage().byHostPool()).isFalse();
        assertThat(ImportMapFile.parse("{\"poolsByHostPool\": true}", "m").storage()).isEqualTo(StorageMap.BY_HOST_POOL);
        assertThat(ImportMapFile.parse("""
                {"networks": [{"match": {"bridge": "br0"}, "network": "prod", "ip": "current"}]}""", "m")
                .networks().rules().get(0).ip()).isEqualTo(IpPolicy.CURRENT);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown top key    | {"network": []}                                                      | m at /network
            unknown rule key   | {"pools": [{"match": {"hostPool": "a"}, "pool": "p", "size": 3}]}     | m at /pools/0/size
            unknown match key  | {"networks": [{"match": {"brige": "br0"}, "network": "n"}]}         | m at /networks/0/match/brige
            two match keys     | {"networks": [{"match": {"bridge": "a", "vlan": 3}, "network": "n"}]} | m at /networks/0/match
            VLAN out of range  | {"networks": [{"match": {"vlan": 4096}, "network": "n"}]}           | m at /networks/0/match/vlan
            rule not an object | {"networks": [{"match": {"vlan": 1}, "network": "n"}, 7]}           | m at /networks/1
            VLAN not a number  | {"networks": [{"match": {"vlan": "130"}, "network": "n"}]}          | m at /networks/0/match/vlan
            blank bridge       | {"networks": [{"match": {"bridge": " "}, "network": "n"}]}          | m at /networks/0/match/bridge
            no network id      | {"networks": [{"match": {"bridge": "br0"}}]}                          | m at /networks/0/network
            rules not a list   | {"pools": {"match": {"hostPool": "a"}}}                               | m at /pools
            unknown offering   | {"offering": "cheapest"}                                               | m at /offering
            unknown ip policy  | {"ip": "dhcp"}                                                         | m at /ip
            flag not a boolean | {"poolsByHostPool": "yes"}                                             | m at /poolsByHostPool
            """)
    @DisplayName("a key, a value or a shape that is not allowed is refused, naming its place by JSON pointer")
    void refusedWithPointer(String what, String json, String place) {
        assertThatThrownBy(() -> ImportMapFile.parse(json, "m"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo(place));
    }

    @Test
    @DisplayName("a malformed file is refused naming its line and column")
    void malformed() {
        assertThatThrownBy(() -> ImportMapFile.parse("{\n  \"networks\": [\n    {\"match\": }\n]}", "map.json"))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("map.json line 3, column 15"));
    }
}
