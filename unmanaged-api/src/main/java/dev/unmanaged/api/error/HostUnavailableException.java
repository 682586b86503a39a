package dev.unmanaged.api.error;

import org.jspecify.annotations.Nullable;

/** A host could not be reached, dropped the connection, or did not answer within its deadline. */
public class HostUnavailableException extends UnmanagedException {
    private static final long serialVersionUID = 1L;

    private final String hostId;

    /**
     * @param hostId the host
     * @param reason why, in words a user can act on
     * @param cause  the underlying failure, may be null
     */
    public HostUnavailableException(String hostId, String reason, @Nullable Throwable cause) {
        super(ErrorCode.HOST_UNAVAILABLE, "host " + hostId + " is unavailable: " + reason, cause);
        this.hostId = hostId;
    }

    /** The host. */
    public String hostId() {
        return hostId;
    }
}
