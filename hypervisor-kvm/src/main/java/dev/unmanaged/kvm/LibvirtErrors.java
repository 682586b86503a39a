package dev.unmanaged.kvm;

import dev.unmanaged.api.error.AccessDeniedException;
import dev.unmanaged.api.error.HostUnavailableException;
import dev.unmanaged.api.error.InstanceNotFoundException;
import dev.unmanaged.api.error.OperationNotSupportedException;
import dev.unmanaged.api.error.ProviderFailureException;
import dev.unmanaged.api.error.UnmanagedException;
import dev.unmanaged.api.text.RedactedFailure;
import dev.unmanaged.api.text.SecretRedaction;
import java.util.EnumSet;
import java.util.Set;
import org.libvirt.Connect;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;

/**
 * Turns libvirt's error codes into the api's typed errors. libvirt's message text is never passed on as it is:
 * it may quote the line of a document that failed, and that line may hold a console password. Every use of it
 * goes through {@link #libvirtMessage}, which redacts it with {@link SecretRedaction#redact}, and a typed error's
 * cause is a {@link RedactedFailure} holding that redacted text, never the {@link LibvirtException} itself.
 */
final class LibvirtErrors {
    /** The host cannot be reached or the connection is gone: reported as the host being unavailable. */
    private static final Set<ErrorNumber> CONNECTION_LOST = EnumSet.of(
            ErrorNumber.VIR_ERR_NO_CONNECT, ErrorNumber.VIR_ERR_INVALID_CONN, ErrorNumber.VIR_ERR_RPC,
            ErrorNumber.VIR_ERR_SYSTEM_ERROR, ErrorNumber.VIR_ERR_OPERATION_TIMEOUT, ErrorNumber.VIR_ERR_UNKNOWN_HOST,
            ErrorNumber.VIR_ERR_GNUTLS_ERROR, ErrorNumber.VIR_ERR_SSH, ErrorNumber.VIR_ERR_LIBSSH,
            ErrorNumber.VIR_ERR_NO_SERVER, ErrorNumber.VIR_ERR_NO_CLIENT, ErrorNumber.VIR_ERR_NO_HOSTNAME);
    private static final Set<ErrorNumber> DENIED = EnumSet.of(
            ErrorNumber.VIR_ERR_OPERATION_DENIED, ErrorNumber.VIR_ERR_ACCESS_DENIED, ErrorNumber.VIR_ERR_AUTH_FAILED,
            ErrorNumber.VIR_ERR_AUTH_CANCELLED, ErrorNumber.VIR_ERR_AUTH_UNAVAILABLE);
    private static final Set<ErrorNumber> UNSUPPORTED = EnumSet.of(
            ErrorNumber.VIR_ERR_NO_SUPPORT, ErrorNumber.VIR_ERR_OPERATION_UNSUPPORTED,
            ErrorNumber.VIR_ERR_ARGUMENT_UNSUPPORTED, ErrorNumber.VIR_ERR_CONFIG_UNSUPPORTED);

    /**
     * What the ssh client prints when the host's key is not in a known-hosts file, or differs from the one there;
     * libvirt's ssh transport passes it on inside a system error.
     */
    private static final String SSH_HOST_KEY_REFUSED = "Host key verification failed";

    private LibvirtErrors() {
    }

    static ErrorNumber code(LibvirtException e) {
        return e.getError() == null || e.getError().getCode() == null ? ErrorNumber.VIR_ERR_UNKNOWN
                : e.getError().getCode();
    }

    /** True when {@code e} refuses access: permissions, read-only, authentication failed or declined. */
    static boolean isAccessDenied(LibvirtException e) {
        return DENIED.contains(code(e));
    }

    static boolean isNoDomain(LibvirtException e) {
        return code(e) == ErrorNumber.VIR_ERR_NO_DOMAIN;
    }

    /** True when the driver or hypervisor does not support the call (or a flag of it). */
    static boolean isUnsupported(LibvirtException e) {
        return UNSUPPORTED.contains(code(e));
    }

    /** True when no storage volume has the path or name asked for. */
    static boolean isNoStorageVolume(LibvirtException e) {
        return code(e) == ErrorNumber.VIR_ERR_NO_STORAGE_VOL;
    }

    /**
     * True when {@code e} means the connection is gone rather than that one call failed. libvirt reports a
     * closed socket under several codes (even as an internal error), and the same codes (a system error, say)
     * also describe ordinary failures such as an unreadable image; so besides the codes that can only mean a
     * dead connection, the connection itself is asked whether it is still alive.
     */
    static boolean isConnectionLost(LibvirtException e, Connect connect) {
        ErrorNumber code = code(e);
        if (code == ErrorNumber.VIR_ERR_NO_CONNECT || code == ErrorNumber.VIR_ERR_INVALID_CONN) {
            return true;
        }
        try {
            return !connect.isAlive();
        } catch (LibvirtException notAlive) {
            return true;
        }
    }

    /**
     * The typed error for {@code e}.
     *
     * @param hostId    the host, for the message
     * @param operation what was being done, e.g. {@code "listing domains"}
     * @param instance  the instance asked for, used for not-found errors; may be null
     */
    static UnmanagedException map(LibvirtException e, String hostId, String operation, String instance) {
        ErrorNumber code = code(e);
        String message = libvirtMessage(e);
        if (message.contains(SSH_HOST_KEY_REFUSED)) {
            // Not a host that is down: retrying cannot help, and the provider never asks whether to trust a key.
            return new AccessDeniedException("host " + hostId + ": " + operation + " failed (" + code + "): the"
                    + " host key the SSH server showed is not the one known for this host name (" + message
                    + "); expected a known_hosts entry for the host name and port of the URI, e.g. written with"
                    + " ssh-keyscan into the known_hosts file of the user running the provider",
                    RedactedFailure.of(e));
        }
        return typed(code, hostId, operation + " failed (" + code + "): " + message, instance,
                RedactedFailure.of(e));
    }

    /**
     * The typed error for a call that failed on a connection that is still alive: the codes that can also mean
     * an unreachable host (a system error such as an unreadable file, say) are then failures of the call.
     */
    static UnmanagedException mapCallFailure(LibvirtException e, String hostId, String operation, String instance) {
        ErrorNumber code = code(e);
        if (code == ErrorNumber.VIR_ERR_SYSTEM_ERROR || code == ErrorNumber.VIR_ERR_RPC) {
            return new ProviderFailureException("host " + hostId + ": " + operation + " failed (" + code + "): "
                    + libvirtMessage(e), RedactedFailure.of(e));
        }
        return map(e, hostId, operation, instance);
    }

    /**
     * As {@link #map} without libvirt's message text or the libvirt exception as cause: for calls that handled
     * a secure definition, whose error text could quote part of it.
     */
    static UnmanagedException mapWithoutDetail(LibvirtException e, String hostId, String operation,
                                               String instance) {
        ErrorNumber code = code(e);
        return typed(code, hostId, operation + " failed (" + code + "); libvirt's message is withheld because the"
                + " call carried the domain's secure definition", instance, null);
    }

    private static UnmanagedException typed(ErrorNumber code, String hostId, String detail, String instance,
                                            Throwable cause) {
        if (code == ErrorNumber.VIR_ERR_NO_DOMAIN) {
            return new InstanceNotFoundException(instance == null ? "(unnamed)" : instance, hostId);
        }
        if (CONNECTION_LOST.contains(code)) {
            return new HostUnavailableException(hostId, detail, cause);
        }
        if (DENIED.contains(code)) {
            return new AccessDeniedException("host " + hostId + ": " + detail, cause);
        }
        if (UNSUPPORTED.contains(code)) {
            return new OperationNotSupportedException("host " + hostId + ": " + detail, cause);
        }
        return new ProviderFailureException("host " + hostId + ": " + detail, cause);
    }

    /** libvirt's message for {@code e} with every secret it quotes masked: the only way its text is read. */
    static String libvirtMessage(LibvirtException e) {
        String message = e.getError() == null ? e.getMessage() : e.getError().getMessage();
        return message == null ? "no message" : SecretRedaction.redact(message);
    }
}
