package dev.unmanaged.reliability.xml;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.unmanaged.reliability.support.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

/**
 * Coverage-guided fuzzing of the domain XML parser with Jazzer. With {@code JAZZER_FUZZ=1} (the module's
 * {@code fuzz-domain-xml} surefire execution sets it) Jazzer mutates inputs for {@code maxDuration}, starting from
 * every document of the shared corpus; any exception other than the typed refusal is a finding, written to
 * {@code src/test/resources/dev/unmanaged/reliability/xml/DomainXmlFuzzTestInputs/parsesOrRefusesWithATypedError/}.
 * Without it (the ordinary test run) the test replays the files of that directory, i.e. every past finding.
 */
@DisplayName("Fuzzing the domain XML parser")
class DomainXmlFuzzTest {
    static final String METHOD = "parsesOrRefusesWithATypedError";

    @BeforeAll
    static void seedTheGeneratedCorpusFromTheSharedCorpus() throws IOException {
        String fuzzing = System.getenv("JAZZER_FUZZ");
        if (fuzzing == null || fuzzing.isEmpty()) {
            return;
        }
        // Jazzer reads its generated corpus from here (relative to the module directory) and adds what it finds.
        Path generated = Path.of(".cifuzz-corpus", DomainXmlFuzzTest.class.getName(), METHOD);
        Files.createDirectories(generated);
        int seeded = 0;
        for (Path document : Corpus.allDocuments()) {
            byte[] bytes = Corpus.bytes(document);
            Path seed = generated.resolve("seed-" + sha1(bytes));
            if (!Files.exists(seed)) {
                Files.write(seed, bytes);
                seeded++;
            }
        }
        System.out.println("Fuzzing seeds: " + seeded + " new corpus documents copied into " + generated.toAbsolutePath());
    }

    @FuzzTest(maxDuration = "2m")
    void parsesOrRefusesWithATypedError(byte[] document) {
        ParserOracle.check(document);
    }

    private static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
