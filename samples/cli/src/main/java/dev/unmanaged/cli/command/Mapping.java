package dev.unmanaged.cli.command;

import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.text.SafeText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A mapping option of an import: values for named devices ({@code MAC=NETWORK}, {@code vda=POOL}) and an
 * optional value for every device not named ({@code NETWORK} alone).
 *
 * @param byDevice values for named devices (MAC addresses or disk device names)
 * @param forAll   the value for every other device, or null
 */
record Mapping(Map<String, String> byDevice, String forAll) {
    static final Mapping NONE = new Mapping(Map.of(), null);

    Mapping {
        byDevice = Map.copyOf(byDevice);
    }

    /**
     * Parses {@code DEVICE=VALUE} and {@code VALUE} items.
     *
     * @param option the option's name, for messages
     * @throws IllegalArgumentException naming the option and the item when an item is empty or two items
     *                                  disagree
     */
    static Mapping parse(String option, List<String> items) {
        if (items == null || items.isEmpty()) {
            return NONE;
        }
        var byDevice = new LinkedHashMap<String, String>();
        String forAll = null;
        for (String item : items) {
            int eq = item.indexOf('=');
            String device = eq < 0 ? null : item.substring(0, eq).trim();
            String value = (eq < 0 ? item : item.substring(eq + 1)).trim();
            if (value.isEmpty() || (device != null && device.isEmpty())) {
                throw new IllegalArgumentException(option + ": found " + SafeText.quoted(item)
                        + ", expected DEVICE=VALUE or VALUE (for every device not named)");
            }
            if (device == null) {
                if (forAll != null && !forAll.equals(value)) {
                    throw new IllegalArgumentException(option + ": found both " + SafeText.quoted(forAll)
                            + " and " + SafeText.quoted(value) + " for every device; expected one");
                }
                forAll = value;
            } else {
                String earlier = byDevice.put(device, value);
                if (earlier != null && !earlier.equals(value)) {
                    throw new IllegalArgumentException(option + ": device " + SafeText.of(device)
                            + " is mapped to both " + SafeText.quoted(earlier) + " and " + SafeText.quoted(value)
                            + "; expected one value");
                }
            }
        }
        return new Mapping(byDevice, forAll);
    }

    /** This mapping with {@code fallback}'s entries where this one has none. */
    Mapping orElse(Mapping fallback) {
        var merged = new LinkedHashMap<>(fallback.byDevice);
        merged.putAll(byDevice);
        return new Mapping(merged, forAll != null ? forAll : fallback.forAll);
    }

    /**
     * This mapping, once {@code check} accepted every value: a malformed one is refused before anything runs,
     * naming where it was given rather than the request field it would become.
     *
     * @param forAllLabel where the value for every device was given, e.g. {@code --ip} or {@code imports[2].ip}
     * @param deviceLabel where the value of a named device was given
     * @param check       throws an {@link InvalidRequestException} for a malformed value
     * @throws IllegalArgumentException {@code label: found 'value', expected ...}
     */
    Mapping requireValid(String forAllLabel, Function<String, String> deviceLabel, Consumer<String> check) {
        if (forAll != null) {
            requireValid(forAllLabel, forAll, check);
        }
        byDevice.forEach((device, value) -> requireValid(deviceLabel.apply(device), value, check));
        return this;
    }

    private static void requireValid(String label, String value, Consumer<String> check) {
        try {
            check.accept(value);
        } catch (InvalidRequestException malformed) {
            // The message starts with the request field's name; the rest says what was found and expected.
            throw new IllegalArgumentException(label + malformed.getMessage().substring(malformed.field().length()),
                    malformed);
        }
    }

    /** True when the value for every device depends on which devices the instance has. */
    boolean needsDevices() {
        return forAll != null;
    }
}
