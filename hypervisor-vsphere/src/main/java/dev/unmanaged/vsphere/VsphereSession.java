package dev.unmanaged.vsphere;

import dev.unmanaged.api.error.AccessDeniedException;
import dev.unmanaged.api.error.HostUnavailableException;
import dev.unmanaged.api.error.ProviderFailureException;
import dev.unmanaged.vsphere.soap.SoapFault;
import dev.unmanaged.vsphere.soap.SoapRequest;
import dev.unmanaged.vsphere.vim.Responses;
import dev.unmanaged.vsphere.vim.ServiceContent;
import java.util.Arrays;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one logged-in session of an endpoint, shared by every thread that reads it. Logs in on first use; when the
 * server says the session is not authenticated (it expired or was ended), one caller logs in again and the
 * operation is run once more. Logs out on {@link #close()}.
 */
final class VsphereSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VsphereSession.class);

    private final String hostId;
    private final VsphereEndpoint endpoint;
    private final SoapEndpoint soap;
    private final VsphereCredentials credentials;
    private final Object loginLock = new Object();
    private volatile @Nullable ServiceContent content;
    private volatile @Nullable String cookie;

    VsphereSession(String hostId, VsphereEndpoint endpoint, SoapEndpoint soap, VsphereCredentials credentials) {
        this.hostId = hostId;
        this.endpoint = endpoint;
        this.soap = soap;
        this.credentials = credentials;
    }

    /** The server's service content; read once. */
    ServiceContent content() {
        ServiceContent known = content;
        if (known == null) {
            known = soap.call(SoapRequest.retrieveServiceContent(), null,
                    Responses.ServiceContentResponse.class).answer().returnval;
            if (known == null || known.propertyCollector == null || known.viewManager == null
                    || known.sessionManager == null || known.rootFolder == null) {
                throw new HostUnavailableException(hostId, endpoint.server() + " is not a vCenter or ESXi endpoint:"
                        + " its service content lacks the property collector, view manager or session manager", null);
            }
            content = known;
        }
        return known;
    }

    /**
     * Runs {@code operation} in the logged-in session; when the session turns out to be no longer authenticated,
     * logs in again once and runs it again.
     */
    <T> T run(Function<VsphereSession, T> operation) {
        String used = loggedIn();
        try {
            return operation.apply(this);
        } catch (SoapFault fault) {
            if (!fault.notAuthenticated()) {
                throw typed(fault);
            }
            LOG.info("the session at {} is no longer authenticated; logging in again", endpoint.server());
            relogin(used);
            try {
                return operation.apply(this);
            } catch (SoapFault again) {
                throw typed(again);
            }
        }
    }

    /** Calls {@code request} in the current session. */
    <T> T call(SoapRequest request, Class<T> answerType) {
        return soap.call(request, cookie, answerType).answer();
    }

    /** How many requests the endpoint was sent, for figures. */
    long roundTrips() {
        return soap.roundTrips();
    }

    @Override
    public void close() {
        String current = cookie;
        ServiceContent known = content;
        if (current == null || known == null) {
            return;
        }
        cookie = null;
        try {
            soap.call(SoapRequest.logout(known.sessionManager), current, Responses.EmptyResponse.class);
        } catch (RuntimeException e) {
            LOG.debug("logging out of {} failed; the server ends the session itself", endpoint.server(), e);
        }
    }

    private String loggedIn() {
        String current = cookie;
        return current != null ? current : relogin(null);
    }

    /** Logs in unless another thread already replaced the session {@code stale}; the session cookie. */
    private String relogin(@Nullable String stale) {
        synchronized (loginLock) {
            String current = cookie;
            if (current != null && !current.equals(stale)) {
                return current;
            }
            String fresh = login();
            cookie = fresh;
            LOG.debug("logged in to {} as user {}", endpoint.server(), endpoint.user());
            return fresh;
        }
    }

    private String login() {
        ServiceContent known = content();
        char[] password = credentials.password(endpoint.server(), endpoint.user());
        if (password == null) {
            throw new AccessDeniedException("no password was given for user " + endpoint.user() + " at "
                    + endpoint.server(), null);
        }
        try {
            SoapEndpoint.Exchange<Responses.LoginResponse> exchange = soap.call(
                    SoapRequest.login(known.sessionManager, endpoint.user(), password), null,
                    Responses.LoginResponse.class);
            return exchange.sessionCookie().orElseThrow(() -> new HostUnavailableException(hostId,
                    endpoint.server() + " answered Login without a " + SoapEndpoint.SESSION_COOKIE + " cookie", null));
        } catch (SoapFault fault) {
            if (fault.invalidLogin()) {
                throw new AccessDeniedException("the login of user " + endpoint.user() + " at " + endpoint.server()
                        + " was refused: check the user name and password", null);
            }
            throw typed(fault);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private RuntimeException typed(SoapFault fault) {
        if (fault.notAuthenticated()) {
            return new AccessDeniedException("user " + endpoint.user() + " at " + endpoint.server()
                    + " is not authenticated even after logging in again", fault);
        }
        if ("NoPermission".equals(fault.faultType())) {
            return new AccessDeniedException("user " + endpoint.user() + " at " + endpoint.server()
                    + " may not read the inventory: " + fault.getMessage(), fault);
        }
        return new ProviderFailureException(endpoint.server() + ": " + fault.getMessage(), fault);
    }
}
