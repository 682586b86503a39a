package dev.unmanaged.api.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SafeTextTest {
    @Test
    @DisplayName("line breaks, ESC, the 8-bit CSI and bidi overrides are shown as visible escapes")
    void escapesWhatForgesOutput() {
        String hostile = "a\nb\rc\u001b[31md\u009b2Je\u202eevil\u2066x\u2069\u2028";
        assertThat(SafeText.escaped(hostile))
                .isEqualTo("a\\nb\\rc\\u001b[31md\\u009b2Je\\u202eevil\\u2066x\\u2069\\u2028")
                .doesNotContain("\n", "\r", "\u001b", "\u009b", "\u202e");
    }

    @Test
    @DisplayName("ordinary unicode, quotes and spaces are kept as they are")
    void keepsOrdinaryText() {
        assertThat(SafeText.escaped("Zürich 'db' 数据库 $(x)")).isEqualTo("Zürich 'db' 数据库 $(x)");
        assertThat(SafeText.needsEscaping("Zürich")).isFalse();
        assertThat(SafeText.needsEscaping("a\u202eb")).isTrue();
    }

    @Test
    @DisplayName("a long value is cut and says how long it was")
    void shortens() {
        assertThat(SafeText.of("x".repeat(100_000), 10)).isEqualTo("xxxxxxxxxx...(100000 chars)");
    }

    @Test
    @DisplayName("a host id shows no password of its URI")
    void hostMasksPassword() {
        assertThat(SafeText.host("qemu+tcp://admin:pw@10.0.0.1/system")).isEqualTo("qemu+tcp://admin:***@10.0.0.1/system");
    }
}
