package dev.unmanaged.kvm;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link KvmInstanceProvider} connects to its hosts.
 *
 * @param readOnly    open connections read-only ({@code VIR_CONNECT_RO}): enough for listing and describing, and
 *                    allowed to users that may not change domains; preparing a transient domain for unmanage
 *                    then fails with an access-denied error
 * @param credentials answers libvirt's authentication prompts
 * @param callTimeout the longest one provider call (a listing, a describe, a preparation) may take on one host,
 *                    including opening the connection; a host that does not answer in time is reported
 *                    unavailable and its connection is reopened on the next call
 */
public record KvmProviderOptions(boolean readOnly, LibvirtCredentials credentials, Duration callTimeout) {
    /** The default call timeout: two minutes. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(2);

    public KvmProviderOptions {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(callTimeout, "callTimeout");
        if (callTimeout.isNegative() || callTimeout.isZero()) {
            throw new IllegalArgumentException("callTimeout: found " + callTimeout + ", expected a positive duration");
        }
    }

    /** Read-write connections, no credentials, the default call timeout. */
    public static KvmProviderOptions defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link KvmProviderOptions}. */
    public static final class Builder {
        private boolean readOnly;
        private LibvirtCredentials credentials = LibvirtCredentials.none();
        private Duration callTimeout = DEFAULT_CALL_TIMEOUT;

        private Builder() {
        }

        /** Opens connections read-only (default: read-write). */
        public Builder readOnly(boolean value) {
            this.readOnly = value;
            return this;
        }

        /** Answers libvirt's authentication prompts (default: declines every prompt). */
        public Builder credentials(LibvirtCredentials value) {
            this.credentials = Objects.requireNonNull(value, "credentials");
            return this;
        }

        /** The longest one call may take on one host (default: {@link #DEFAULT_CALL_TIMEOUT}). */
        public Builder callTimeout(Duration value) {
            this.callTimeout = Objects.requireNonNull(value, "callTimeout");
            return this;
        }

        public KvmProviderOptions build() {
            return new KvmProviderOptions(readOnly, credentials, callTimeout);
        }
    }
}
