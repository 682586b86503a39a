package dev.unmanaged.vsphere;

import dev.unmanaged.api.error.HostUnavailableException;

/**
 * The endpoint presented a certificate whose SHA-256 thumbprint is not the one pinned with {@code ?thumbprint=}:
 * the connection was closed before anything was sent. The message shows the presented thumbprint, so that an
 * operator can compare it with the one vCenter shows and pin it if it is the right one.
 */
public final class CertificateThumbprintMismatchException extends HostUnavailableException {
    private static final long serialVersionUID = 1L;

    private final String presentedThumbprint;

    /**
     * @param hostId              the host
     * @param expectedThumbprint  the pinned thumbprint
     * @param presentedThumbprint the thumbprint of the certificate the server presented
     */
    public CertificateThumbprintMismatchException(String hostId, String expectedThumbprint,
                                                  String presentedThumbprint) {
        super(hostId, "the server's certificate has the SHA-256 thumbprint " + presentedThumbprint
                + ", not the pinned " + expectedThumbprint + "; check it with the one vCenter shows and pin it with"
                + " ?thumbprint= if it is right", null);
        this.presentedThumbprint = presentedThumbprint;
    }

    /** The thumbprint of the certificate the server presented. */
    public String presentedThumbprint() {
        return presentedThumbprint;
    }
}
