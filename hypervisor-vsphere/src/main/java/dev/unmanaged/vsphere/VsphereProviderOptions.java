package dev.unmanaged.vsphere;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link VsphereInstanceProvider} talks to endpoints.
 *
 * @param credentials the passwords of the users in host addresses
 * @param callTimeout the longest one SOAP request may take, connecting included
 * @param maxObjects  how many objects one page of properties may hold
 */
public record VsphereProviderOptions(VsphereCredentials credentials, Duration callTimeout, int maxObjects) {
    /** Two minutes. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(2);
    /** 500 VMs per page: a few MB of XML, a handful of round trips for a large vCenter. */
    public static final int DEFAULT_MAX_OBJECTS = 500;

    public VsphereProviderOptions {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(callTimeout, "callTimeout");
        if (callTimeout.isNegative() || callTimeout.isZero()) {
            throw new IllegalArgumentException("callTimeout must be positive, got " + callTimeout);
        }
        if (maxObjects < 1) {
            throw new IllegalArgumentException("maxObjects must be at least 1, got " + maxObjects);
        }
    }

    /** Options with {@code credentials} and the defaults. */
    public static VsphereProviderOptions of(VsphereCredentials credentials) {
        return new VsphereProviderOptions(credentials, DEFAULT_CALL_TIMEOUT, DEFAULT_MAX_OBJECTS);
    }

    /** These options with another call timeout. */
    public VsphereProviderOptions withCallTimeout(Duration value) {
        return new VsphereProviderOptions(credentials, value, maxObjects);
    }

    /** These options with another page size. */
    public VsphereProviderOptions withMaxObjects(int value) {
        return new VsphereProviderOptions(credentials, callTimeout, value);
    }
}
