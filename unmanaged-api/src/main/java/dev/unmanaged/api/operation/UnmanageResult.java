package dev.unmanaged.api.operation;

import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.spi.UnmanagePreparation;
import java.util.Objects;

/**
 * A completed unmanage.
 *
 * @param released    the record that was removed from the inventory
 * @param preparation what the provider did so that the instance survives on its own
 */
public record UnmanageResult(ManagedInstance released, UnmanagePreparation preparation) {
    public UnmanageResult {
        Objects.requireNonNull(released, "released");
        Objects.requireNonNull(preparation, "preparation");
    }
}
