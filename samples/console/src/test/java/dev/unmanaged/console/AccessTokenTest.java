package dev.unmanaged.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The console's bearer token")
class AccessTokenTest {

    @Test
    @DisplayName("a generated token is 256 random bits, URL-safe, and different each time")
    void generated() {
        String first = AccessToken.generate().reveal();
        assertThat(first).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(AccessToken.generate().reveal()).isNotEqualTo(first);
    }

    @Test
    @DisplayName("admits only 'Bearer TOKEN' with the exact token")
    void admits() {
        AccessToken token = AccessToken.of("0123456789abcdef-token");
        assertThat(token.admits("Bearer 0123456789abcdef-token")).isTrue();
        assertThat(token.admits("bearer 0123456789abcdef-token")).isTrue();
        assertThat(token.admits("Bearer 0123456789abcdef-toke")).isFalse();
        assertThat(token.admits("Bearer 0123456789abcdef-tokenX")).isFalse();
        assertThat(token.admits("Basic 0123456789abcdef-token")).isFalse();
        assertThat(token.admits("0123456789abcdef-token")).isFalse();
        assertThat(token.admits(null)).isFalse();
    }

    @Test
    @DisplayName("never shows itself: toString is masked, and a refused token is not repeated")
    void secret() {
        assertThat(AccessToken.of("0123456789abcdef-token")).hasToString("AccessToken[***]");
        assertThatThrownBy(() -> AccessToken.of("short-secret")).hasMessageContaining("12 characters")
                .hasMessageContaining("at least 16").hasMessageNotContaining("short-secret");
        assertThatThrownBy(() -> AccessToken.of("my secret with four blanks")).hasMessageContaining("4 of them blank")
                .hasMessageNotContaining("secret");
    }
}
