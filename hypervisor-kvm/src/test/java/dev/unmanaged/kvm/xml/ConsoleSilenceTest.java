package dev.unmanaged.kvm.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unmanaged.kvm.xml.DomainXmlException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConsoleSilenceTest {
    @Test
    @DisplayName("invalid UTF-8 is reported only through the typed error: nothing is printed on standard error")
    void invalidUtf8PrintsNothing() throws Exception {
        byte[] bytes = Files.readAllBytes(Corpus.bad("non-utf8-bytes.xml").path());
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThatThrownBy(() -> DomainXmlParser.shared().parse(bytes))
                    .isInstanceOfSatisfying(DomainXmlException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.ENCODING);
                        assertThat(e.line()).isPositive();
                        assertThat(e.getMessage()).contains("not valid UTF-8");
                    });
        } finally {
            System.setErr(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    @DisplayName("a document declaring another encoding, or in UTF-16, is still decoded as declared")
    void otherEncodingsStillDecode() throws Exception {
        assertThat(DomainXmlParser.shared().parse(Corpus.bad("latin1-declared.xml").path()).name()).isNotBlank();
        assertThat(DomainXmlParser.shared().parse(Corpus.bad("utf16le-bom.xml").path()))
                .isEqualTo(DomainXmlParser.shared().parse(Corpus.bad("utf8-bom.xml").path()));
    }
}
