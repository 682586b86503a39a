package dev.unmanaged.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unmanaged.api.error.InvalidRequestException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProviderSettingsTest {

    @Test
    @DisplayName("typed getters read flags, bounded numbers and durations, and give the default for absent keys")
    void typedValues() {
        var settings = ProviderSettings.of(Map.of("on", "TRUE", "n", " 8 ", "iso", "PT1M30S", "secs", "45"));

        assertThat(settings.flag("on", false)).isTrue();
        assertThat(settings.flag("absent", true)).isTrue();
        assertThat(settings.integer("n", 1, 16, 4)).isEqualTo(8);
        assertThat(settings.integer("absent", 1, 16, 4)).isEqualTo(4);
        assertThat(settings.duration("iso", Duration.ZERO)).isEqualTo(Duration.ofSeconds(90));
        assertThat(settings.duration("secs", Duration.ZERO)).isEqualTo(Duration.ofSeconds(45));
        assertThat(settings.text("absent")).isEmpty();
    }

    @Test
    @DisplayName("a value of the wrong type is an InvalidRequestException naming the key, the value and the type")
    void badValues() {
        var settings = ProviderSettings.of(Map.of("on", "yes", "n", "17", "x", "four", "d", "soon", "zero", "0"));

        assertThatThrownBy(() -> settings.flag("on", false)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("setting on: found 'yes', expected true or false");
        assertThatThrownBy(() -> settings.integer("n", 1, 16, 4))
                .hasMessageContaining("setting n: found '17', expected a whole number from 1 to 16");
        assertThatThrownBy(() -> settings.integer("x", 1, 16, 4)).hasMessageContaining("found 'four'");
        assertThatThrownBy(() -> settings.duration("d", Duration.ZERO))
                .hasMessageContaining("setting d: found 'soon', expected a positive duration");
        assertThatThrownBy(() -> settings.duration("zero", Duration.ZERO)).hasMessageContaining("found '0'");
    }

    @Test
    @DisplayName("an unknown key is refused naming it, not its value, and listing the known ones")
    void unknownKeys() {
        var settings = ProviderSettings.of(Map.of("readOnyl", "true"));

        assertThatThrownBy(() -> settings.requireOnly(Set.of("readOnly", "callTimeout")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("settings: found 'readOnyl', expected one of the known keys [callTimeout, readOnly]")
                .message().doesNotContain("true");
        ProviderSettings.empty().requireOnly(Set.of());
    }

    @Test
    @DisplayName("settings are an immutable copy and show their keys, not their values")
    void immutableCopy() {
        var source = new HashMap<>(Map.of("token", "s3cret"));
        var settings = ProviderSettings.of(source);
        source.put("other", "x");

        assertThat(settings.keys()).containsExactly("token");
        assertThat(settings.toString()).contains("token").doesNotContain("s3cret");
        assertThatThrownBy(() -> settings.asMap().put("k", "v")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(settings).isEqualTo(ProviderSettings.of(Map.of("token", "s3cret")));
    }
}
