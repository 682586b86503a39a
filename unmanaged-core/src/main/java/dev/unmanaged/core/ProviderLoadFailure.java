package dev.unmanaged.core;

import java.util.Objects;

/**
 * A hypervisor provider that could not be loaded, or was set aside; the other providers still work.
 *
 * @param provider the provider's class name or service-file entry, as far as it is known
 * @param reason   why it failed, one line
 */
public record ProviderLoadFailure(String provider, String reason) {
    public ProviderLoadFailure {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code provider: reason}. */
    public String describe() {
        return provider + ": " + reason;
    }
}
