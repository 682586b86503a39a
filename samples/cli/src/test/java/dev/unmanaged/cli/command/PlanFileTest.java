package dev.unmanaged.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unmanaged.cli.CliFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanFileTest {
    @TempDir
    Path temp;

    private Path write(String json) throws Exception {
        Path file = temp.resolve("plan.json");
        Files.writeString(file, json);
        return file;
    }

    @Test
    @DisplayName("each import inherits the defaults it does not state")
    void layersImportsOverDefaults() throws Exception {
        List<ImportFields> imports = PlanFile.read(write("""
                {"defaults": {"owner": "acme", "ip": "auto", "network": "guest"},
                 "imports": [
                   {"instance": "web-01", "offering": "medium", "network": "prod", "memory": "4GiB"},
                   {"instance": "db-01", "owner": "globex", "cpus": 4, "memory": 8589934592,
                    "pools": {"vda": "local-images"}, "regenerateMacs": true}
                 ]}"""));

        assertThat(imports).hasSize(2);
        ImportFields web = imports.get(0);
        assertThat(web.owner()).isEqualTo("acme");
        assertThat(web.networks().forAll()).isEqualTo("prod");
        assertThat(web.ips().forAll()).isEqualTo("auto");
        assertThat(web.memoryBytes()).isEqualTo(4L << 30);
        ImportFields db = imports.get(1);
        assertThat(db.owner()).isEqualTo("globex");
        assertThat(db.cpus()).isEqualTo(4);
        assertThat(db.memoryBytes()).isEqualTo(8L << 30);
        assertThat(db.pools().byDevice()).isEqualTo(Map.of("vda", "local-images"));
        assertThat(db.networks().forAll()).isEqualTo("guest");
        assertThat(db.regenerateMacs()).isTrue();
    }

    @Test
    @DisplayName("a plain array of imports is a plan too")
    void acceptsAnArray() throws Exception {
        assertThat(PlanFile.read(write("[{\"instance\": \"web-01\"}, {\"instance\": \"web-02\"}]")))
                .extracting(ImportFields::instance).containsExactly("web-01", "web-02");
    }

    @Test
    @DisplayName("mistakes are refused naming the place in the file and what was expected")
    void refusesMistakes() throws Exception {
        assertThatThrownBy(() -> PlanFile.read(write("[{\"instance\": \"a\", \"ofering\": \"x\"}]")))
                .isInstanceOf(CliFailure.class).hasMessageContaining("imports[0]").hasMessageContaining("'ofering'");
        assertThatThrownBy(() -> PlanFile.read(write("[{\"owner\": \"acme\"}]")))
                .hasMessageContaining("imports[0]").hasMessageContaining("'instance' is missing");
        assertThatThrownBy(() -> PlanFile.read(write("[{\"instance\": \"a\", \"cpus\": 0}]")))
                .hasMessageContaining("imports[0].cpus");
        assertThatThrownBy(() -> PlanFile.read(write("[{\"instance\": \"a\", \"memory\": \"lots\"}]")))
                .hasMessageContaining("imports[0].memory").hasMessageContaining("'lots'");
        assertThatThrownBy(() -> PlanFile.read(write("[{\"instance\": \"a\", \"ip\": \"10.0.0.300\"}]")))
                .isInstanceOf(CliFailure.class).hasMessageContaining("imports[0].ip: found '10.0.0.300'");
        assertThatThrownBy(() -> PlanFile.read(write(
                "[{\"instance\": \"a\", \"ips\": {\"52:54:00:1a:01:01\": \"dhcp\"}}]")))
                .isInstanceOf(CliFailure.class).hasMessageContaining("imports[0].ips.52:54:00:1a:01:01: found 'dhcp'");
        assertThatThrownBy(() -> PlanFile.read(write("[{\"instance\": \"a\", \"pools\": [\"vda\"]}]")))
                .hasMessageContaining("imports[0].pools");
        assertThatThrownBy(() -> PlanFile.read(write("{\"defaults\": {\"instance\": \"a\"}, \"imports\": []}")))
                .hasMessageContaining("cannot be a default");
        assertThatThrownBy(() -> PlanFile.read(write("[]"))).hasMessageContaining("no imports");
        assertThatThrownBy(() -> PlanFile.read(write("[{\"instance\": "))).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> PlanFile.read(temp.resolve("absent.json"))).hasMessageContaining("cannot read");
    }

    @Test
    @DisplayName("a key given twice in one object and anything after the document are refused, naming the line")
    void strictJson() throws Exception {
        assertThatThrownBy(() -> PlanFile.read(write("[{\"instance\": \"web-01\",\n \"instance\": \"db-01\"}]")))
                .isInstanceOf(CliFailure.class).hasMessageContaining("Duplicate field 'instance'")
                .hasMessageContaining("(line 2)");
        assertThatThrownBy(() -> PlanFile.read(write("{\"imports\": [{\"instance\": \"a\"}], \"imports\": []}")))
                .isInstanceOf(CliFailure.class).hasMessageContaining("Duplicate field 'imports'");
        assertThatThrownBy(() -> PlanFile.read(write("[{\"instance\": \"a\"}] [{\"instance\": \"b\"}]")))
                .isInstanceOf(CliFailure.class).hasMessageContaining("holds more after its JSON document");
    }

    @Test
    @DisplayName("deep nesting, a huge string or a huge file are refused with the limit, never a NullPointerException")
    void limits() throws Exception {
        assertThatThrownBy(() -> PlanFile.read(write("[".repeat(100_000) + "]".repeat(100_000))))
                .isInstanceOf(CliFailure.class).hasMessageContaining("nesting depth")
                .hasMessageContaining("expected at most " + PlanFile.MAX_DEPTH + " levels");
        assertThatThrownBy(() -> PlanFile.read(write("[{\"instance\": \"" + "x".repeat(3_000_000) + "\"}]")))
                .isInstanceOf(CliFailure.class).hasMessageContaining("String value length")
                .hasMessageContaining(PlanFile.MAX_STRING_LENGTH + " characters");
        Path huge = write("[" + " ".repeat((int) PlanFile.MAX_FILE_BYTES) + "]");
        assertThatThrownBy(() -> PlanFile.read(huge))
                .isInstanceOf(CliFailure.class).hasMessageContaining("expected at most " + PlanFile.MAX_FILE_BYTES);
    }
}
