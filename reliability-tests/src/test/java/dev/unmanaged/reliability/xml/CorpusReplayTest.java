package dev.unmanaged.reliability.xml;

import dev.unmanaged.reliability.support.Corpus;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fuzzer's oracle over every document of the shared corpus, without Jazzer: a deterministic replay of the
 * seeds, so that a regression shows even where fuzzing is switched off.
 */
@DisplayName("Every corpus document, hostile ones included, parses or is refused with the typed error")
class CorpusReplayTest {
    static Stream<Path> documents() {
        return Corpus.allDocuments().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void parsesOrRefuses(Path document) {
        ParserOracle.check(Corpus.bytes(document));
    }
}
