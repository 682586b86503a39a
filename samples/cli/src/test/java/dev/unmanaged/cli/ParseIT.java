package dev.unmanaged.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code unmanaged parse --json FILE...} over files of the shared corpus. */
@DisplayName("parse, run as a separate process")
class ParseIT {
    private static final Path CORPUS = Path.of(System.getProperty("unmanaged.corpus", "../../../shared/corpus/domain-xml"));

    @TempDir
    Path temp;

    @BeforeAll
    static void corpusIsThere() {
        assertThat(CORPUS).as("the shared corpus (system property unmanaged.corpus) must be beside the project")
                .isDirectory();
    }

    @Test
    @DisplayName("every file parsed: exit 0, one descriptor per file with a file key")
    void parsesGoodFiles() throws Exception {
        Path file = CORPUS.resolve("bad/duplicate-mac.xml");
        Path other = CORPUS.resolve("bad/secret-graphics-vnc-passwd.xml");
        var result = new CliProcess(temp.resolve("home")).run("parse", "--json", file.toString(), other.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode array = new ObjectMapper().readTree(result.out());
        assertThat(array).hasSize(2);
        assertThat(array.get(0).get("file").asText()).isEqualTo(file.toString());
        assertThat(array.get(0).findValuesAsText("code")).contains("DUPLICATE_MAC");
        assertThat(array.get(1).at("/graphics/0/passwordSet").asBoolean()).isTrue();
        assertThat(result.out()).doesNotContain("SENTINEL-");
    }

    @Test
    @DisplayName("a file that does not parse: exit 1, and its error with code and message")
    void reportsBadFiles() throws Exception {
        Path good = CORPUS.resolve("bad/utf8-bom.xml");
        Path bad = CORPUS.resolve("bad/billion-laughs.xml");
        Path missing = temp.resolve("missing.xml");
        var result = new CliProcess(temp.resolve("home"))
                .run("parse", "--json", good.toString(), bad.toString(), missing.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        JsonNode array = new ObjectMapper().readTree(result.out());
        assertThat(array).hasSize(3);
        assertThat(array.get(0).has("error")).isFalse();
        assertThat(array.get(1).get("file").asText()).isEqualTo(bad.toString());
        assertThat(array.get(1).at("/error/code").asText()).isEqualTo("INVALID_DEFINITION");
        assertThat(array.get(1).at("/error/message").asText()).contains("DOCTYPE");
        assertThat(array.get(2).at("/error/message").asText()).contains(missing.toString());
        assertThat(Files.exists(temp.resolve("home"))).as("parse needs no store").isFalse();
    }
}
