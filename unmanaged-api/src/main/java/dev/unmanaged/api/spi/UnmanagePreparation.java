package dev.unmanaged.api.spi;

import java.util.UUID;

/**
 * What a provider did so that an instance survives without the orchestrator.
 *
 * @param uuid                the instance
 * @param definedPersistently true when the instance was transient and is now defined persistently; false when
 *                            it already was persistent (nothing was changed)
 */
public record UnmanagePreparation(UUID uuid, boolean definedPersistently) {
}
