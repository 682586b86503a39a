package dev.unmanaged.vsphere;

import org.jspecify.annotations.Nullable;

/**
 * Supplies the password of a vSphere user, from the embedder's secret store, a prompt or the environment. Called
 * when the provider logs in to an endpoint: once per endpoint, and again only when the session expired. The
 * provider clears the returned array once it has sent it, and never logs, shows or keeps the password. An
 * {@link dev.unmanaged.api.error.UnmanagedException} thrown here (e.g. an
 * {@link dev.unmanaged.api.error.AccessDeniedException} that says where to set the password) fails the call as it is.
 */
@FunctionalInterface
public interface VsphereCredentials {
    /**
     * The password of {@code user} at {@code server}, or null to decline (the listing then fails with an
     * {@link dev.unmanaged.api.error.AccessDeniedException}).
     *
     * @param server the endpoint as {@code host:port}
     * @param user   the user name from the host address
     */
    char @Nullable [] password(String server, String user);

    /** Credentials that always decline: every login is refused before it is tried. */
    static VsphereCredentials none() {
        return (server, user) -> null;
    }
}
