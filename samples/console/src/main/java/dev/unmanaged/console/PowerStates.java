package dev.unmanaged.console;

import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.instance.PowerState;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Power states as a client names them: {@code RUNNING}, {@code running}. */
final class PowerStates {
    private PowerStates() {
    }

    /**
     * The states {@code names}.
     *
     * @throws InvalidRequestException naming {@code field}, the value and every state
     */
    static Set<PowerState> parse(String field, List<String> names) {
        Set<PowerState> states = EnumSet.noneOf(PowerState.class);
        for (String name : names) {
            try {
                states.add(PowerState.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException(field, "'" + name + "'", "power states among "
                        + Arrays.stream(PowerState.values()).map(Enum::name).collect(Collectors.joining(", ")));
            }
        }
        return states;
    }
}
