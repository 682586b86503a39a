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
 * @param readParallelism how many of one host's domains a listing reads at a time on the host's connection; each
 *                    domain costs several round trips, so more than one hides a remote host's latency
 * @param testDriverAllowed accept hosts at libvirt's test-driver URIs ({@code test:///default},
 *                    {@code test:///path/node.xml}, {@code test+…://}); off by default. The test driver is a
 *                    development aid that reads any file the process can read as its node document, so a
 *                    {@code test:} address coming from a user could make the process open (and libvirt quote)
 *                    a file such as {@code /etc/shadow}. When off, such a host is refused with an
 *                    {@link dev.unmanaged.api.error.InvalidRequestException} naming this option
 */
public record KvmProviderOptions(boolean readOnly, LibvirtCredentials credentials, Duration callTimeout,
                                 int readParallelism, boolean testDriverAllowed) {
    /** The default call timeout: two minutes. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(2);
    /**
     * The default read parallelism: 4. Listing 200 domains over a link with 2 ms round trips took 3.0 s one
     * at a time and 0.9 s four at a time (docs/kvm-provider.md); libvirtd serves 5 concurrent calls per client by
     * default.
     */
    public static final int DEFAULT_READ_PARALLELISM = 4;

    public KvmProviderOptions {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(callTimeout, "callTimeout");
        if (callTimeout.isNegative() || callTimeout.isZero()) {
            throw new IllegalArgumentException("callTimeout: found " + callTimeout + ", expected a positive duration");
        }
        if (readParallelism < 1) {
            throw new IllegalArgumentException("readParallelism: found " + readParallelism
                    + ", expected at least 1");
        }
    }

    /** Read-write connections, no credentials, the default call timeout and read parallelism, no test driver. */
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
        private int readParallelism = DEFAULT_READ_PARALLELISM;
        private boolean testDriverAllowed;

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

        /** How many of one host's domains a listing reads at a time (default: {@link #DEFAULT_READ_PARALLELISM}). */
        public Builder readParallelism(int value) {
            this.readParallelism = value;
            return this;
        }

        /**
         * Accepts hosts at libvirt's test-driver URIs (default: refused). Only for development, tests and demos
         * whose {@code test:} addresses do not come from untrusted users; see
         * {@link KvmProviderOptions#testDriverAllowed()}.
         */
        public Builder testDriverAllowed(boolean value) {
            this.testDriverAllowed = value;
            return this;
        }

        public KvmProviderOptions build() {
            return new KvmProviderOptions(readOnly, credentials, callTimeout, readParallelism, testDriverAllowed);
        }
    }
}
