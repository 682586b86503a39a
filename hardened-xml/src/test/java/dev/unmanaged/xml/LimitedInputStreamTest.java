package dev.unmanaged.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LimitedInputStreamTest {

    @Test
    @DisplayName("a stream of exactly the limit is read whole")
    void exactlyTheLimit() throws IOException {
        try (InputStream in = new LimitedInputStream(bytes("12345"), 5)) {
            assertThat(in.readAllBytes()).hasSize(5);
        }
    }

    @Test
    @DisplayName("one byte past the limit fails with LimitExceeded naming the limit")
    void pastTheLimit() {
        InputStream in = new LimitedInputStream(bytes("123456"), 5);
        assertThatThrownBy(in::readAllBytes).isInstanceOf(LimitedInputStream.LimitExceeded.class)
                .hasMessage("larger than 5 bytes")
                .satisfies(e -> assertThat(((LimitedInputStream.LimitExceeded) e).limit()).isEqualTo(5));
    }

    @Test
    @DisplayName("single-byte reads and skips count towards the limit too")
    void singleBytesAndSkips() throws IOException {
        InputStream in = new LimitedInputStream(bytes("abcdef"), 3);
        assertThat(in.read()).isEqualTo('a');
        assertThat(in.skip(2)).isEqualTo(2);
        assertThatThrownBy(in::read).isInstanceOf(LimitedInputStream.LimitExceeded.class);
    }

    @Test
    @DisplayName("whitespace, NUL and byte-order-mark bytes are not content; anything else is")
    void content() throws IOException {
        LimitedInputStream blank = new LimitedInputStream(new ByteArrayInputStream(
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, ' ', '\n', '\t', 0}), 100);
        blank.readAllBytes();
        assertThat(blank.sawContent()).isFalse();

        LimitedInputStream text = new LimitedInputStream(bytes("  <"), 100);
        text.readAllBytes();
        assertThat(text.sawContent()).isTrue();
    }

    @Test
    @DisplayName("a negative limit is refused")
    void negativeLimit() {
        assertThatThrownBy(() -> new LimitedInputStream(bytes(""), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit must be >= 0, got -1");
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
