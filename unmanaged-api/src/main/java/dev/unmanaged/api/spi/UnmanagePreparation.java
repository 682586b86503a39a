package dev.unmanaged.api.spi;

import dev.unmanaged.api.instance.PowerState;
import java.util.Objects;
import java.util.UUID;

/**
 * What a provider did so that an instance survives without the orchestrator, and the state it left it in.
 *
 * @param uuid                the instance
 * @param definedPersistently true when the instance was transient and is now defined persistently; false when
 *                            it already was persistent (nothing was changed)
 * @param powerState          the instance's power state as the provider saw it while preparing, so that a caller can
 *                            say what is true of it ("keeps running" only when it runs); {@link PowerState#UNKNOWN}
 *                            when the provider could not tell
 */
public record UnmanagePreparation(UUID uuid, boolean definedPersistently, PowerState powerState) {
    public UnmanagePreparation {
        Objects.requireNonNull(uuid, "uuid");
        powerState = Objects.requireNonNullElse(powerState, PowerState.UNKNOWN);
    }
}
