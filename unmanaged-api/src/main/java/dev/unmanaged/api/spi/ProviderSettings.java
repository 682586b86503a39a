package dev.unmanaged.api.spi;

import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.text.SafeText;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Settings for one hypervisor provider, as string keys and values (e.g. read from a configuration file), handed to
 * its {@link HypervisorProviderFactory}. Immutable.
 *
 * <p>The typed getters return the default when a key is absent and throw {@link InvalidRequestException} naming
 * the key, the value and what was expected when it is present but not of the type. A factory calls
 * {@link #requireOnly(Set)} first, so that a misspelt key is refused rather than silently ignored.
 *
 * <p>Settings are not meant for secrets; even so {@link #toString()} shows the keys only.
 */
public final class ProviderSettings {
    private static final ProviderSettings EMPTY = new ProviderSettings(Map.of());

    private final Map<String, String> values;

    private ProviderSettings(Map<String, String> values) {
        this.values = values;
    }

    /** No settings: every key takes the provider's default. */
    public static ProviderSettings empty() {
        return EMPTY;
    }

    /**
     * These settings, copied.
     *
     * @throws NullPointerException if a key or a value is null
     */
    public static ProviderSettings of(Map<String, String> values) {
        var copy = new TreeMap<String, String>();
        values.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "setting key"),
                Objects.requireNonNull(value, () -> "value of setting " + key)));
        return copy.isEmpty() ? EMPTY : new ProviderSettings(Collections.unmodifiableMap(copy));
    }

    /** The keys given, sorted. */
    public Set<String> keys() {
        return values.keySet();
    }

    /** Every setting, sorted by key. */
    public Map<String, String> asMap() {
        return values;
    }

    /** The value of {@code key} as given, if present. */
    public Optional<String> text(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /**
     * Refuses keys other than {@code known}.
     *
     * @throws InvalidRequestException naming the first unknown key (not its value, which might be a secret put
     *         in the wrong place) and listing the known ones
     */
    public void requireOnly(Set<String> known) {
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                throw new InvalidRequestException("settings", SafeText.of(key),
                        "one of the known keys " + new TreeSet<>(known));
            }
        }
    }

    /**
     * {@code true} or {@code false} (ignoring letter case), or {@code defaultValue} when absent.
     *
     * @throws InvalidRequestException when present and neither
     */
    public boolean flag(String key, boolean defaultValue) {
        return text(key).map(String::trim).map(value -> {
            if (value.equalsIgnoreCase("true")) {
                return true;
            }
            if (value.equalsIgnoreCase("false")) {
                return false;
            }
            throw invalid(key, "true or false");
        }).orElse(defaultValue);
    }

    /**
     * A whole number from {@code min} to {@code max}, or {@code defaultValue} when absent.
     *
     * @throws InvalidRequestException when present and not such a number
     */
    public int integer(String key, int min, int max, int defaultValue) {
        String expected = "a whole number from " + min + " to " + max;
        return text(key).map(String::trim).map(value -> {
            int number;
            try {
                number = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw invalid(key, expected);
            }
            if (number < min || number > max) {
                throw invalid(key, expected);
            }
            return number;
        }).orElse(defaultValue);
    }

    /**
     * A positive duration, written in ISO-8601 ({@code PT30S}, {@code PT2M}) or as whole seconds ({@code 30}), or
     * {@code defaultValue} when absent.
     *
     * @throws InvalidRequestException when present and not a positive duration
     */
    public Duration duration(String key, Duration defaultValue) {
        String expected = "a positive duration in ISO-8601 (e.g. PT30S) or whole seconds (e.g. 30)";
        return text(key).map(String::trim).map(value -> {
            Duration duration;
            try {
                duration = value.chars().allMatch(Character::isDigit) && !value.isEmpty()
                        ? Duration.ofSeconds(Long.parseLong(value))
                        : Duration.parse(value);
            } catch (DateTimeParseException | NumberFormatException e) {
                throw invalid(key, expected);
            }
            if (duration.isNegative() || duration.isZero()) {
                throw invalid(key, expected);
            }
            return duration;
        }).orElse(defaultValue);
    }

    private InvalidRequestException invalid(String key, String expected) {
        return new InvalidRequestException("setting " + SafeText.of(key), SafeText.of(values.get(key)), expected);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProviderSettings settings && values.equals(settings.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** The keys only: values stay out of logs. */
    @Override
    public String toString() {
        return "ProviderSettings" + values.keySet();
    }
}
