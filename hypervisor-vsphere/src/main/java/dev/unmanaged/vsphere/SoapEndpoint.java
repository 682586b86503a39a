package dev.unmanaged.vsphere;

import dev.unmanaged.api.error.HostUnavailableException;
import dev.unmanaged.api.text.SafeText;
import dev.unmanaged.api.text.SecretRedaction;
import dev.unmanaged.vsphere.soap.HardenedSoapReader;
import dev.unmanaged.vsphere.soap.SoapRequest;
import dev.unmanaged.vsphere.soap.SoapResponseException;
import dev.unmanaged.vsphere.soap.TrustPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * One vim25 SOAP endpoint over the JDK's HTTP client: posts a request with the session cookie and reads the answer
 * through the hardened reader. Every failure to reach the server, or an answer that is not vim25 SOAP, is a
 * {@link HostUnavailableException} (a certificate mismatch the typed subclass); a SOAP fault is a
 * {@link dev.unmanaged.vsphere.soap.SoapFault} for the session to interpret. Thread-safe.
 */
final class SoapEndpoint {
    static final String SESSION_COOKIE = "vmware_soap_session";
    private static final String SOAP_ACTION = "urn:vim25/6.5";

    private final String hostId;
    private final VsphereEndpoint endpoint;
    private final URI uri;
    private final TrustPolicy trust;
    private final HttpClient client;
    private final HardenedSoapReader reader;
    private final Duration callTimeout;
    private final AtomicLong roundTrips = new AtomicLong();

    SoapEndpoint(String hostId, VsphereEndpoint endpoint, TrustPolicy trust, HardenedSoapReader reader,
                 Duration callTimeout) {
        this.hostId = hostId;
        this.endpoint = endpoint;
        this.uri = endpoint.sdkUri();
        this.trust = trust;
        this.reader = reader;
        this.callTimeout = callTimeout;
        this.client = HttpClient.newBuilder().sslContext(trust.sslContext()).connectTimeout(callTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The answer and the session cookie the server set with it, if any. */
    record Exchange<T>(T answer, Optional<String> sessionCookie) {
    }

    /** Sends {@code request} in the session of {@code cookie} (null for none) and reads the answer. */
    <T> Exchange<T> call(SoapRequest request, @Nullable String cookie, Class<T> answerType) {
        HttpRequest.Builder http = HttpRequest.newBuilder(uri).timeout(callTimeout)
                .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", SOAP_ACTION)
                .POST(HttpRequest.BodyPublishers.ofString(request.body()));
        if (cookie != null) {
            http.header("Cookie", SESSION_COOKIE + "=" + cookie);
        }
        roundTrips.incrementAndGet();
        HttpResponse<InputStream> response;
        try {
            response = client.send(http.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostUnavailableException(hostId, "interrupted while waiting for " + request.method(), e);
        } catch (IOException e) {
            throw unreachable(request, e);
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status != 200 && status != 500) {
                throw new HostUnavailableException(hostId, endpoint.server() + " answered " + request.method()
                        + " with HTTP " + status + " at " + uri.getPath() + ", not vim25 SOAP", null);
            }
            T answer = reader.read(request.method(), body, answerType);
            return new Exchange<>(answer, sessionCookie(response));
        } catch (SoapResponseException e) {
            throw new HostUnavailableException(hostId, e.getMessage(), e);
        } catch (IOException e) {
            throw unreachable(request, e);
        }
    }

    /** How many requests were sent, for figures. */
    long roundTrips() {
        return roundTrips.get();
    }

    private HostUnavailableException unreachable(SoapRequest request, IOException failure) {
        TrustPolicy.ThumbprintMismatch mismatch = find(failure, TrustPolicy.ThumbprintMismatch.class);
        if (mismatch != null && endpoint.thumbprint() != null) {
            return new CertificateThumbprintMismatchException(hostId, endpoint.thumbprint(),
                    trust.presentedThumbprint());
        }
        if (failure instanceof HttpTimeoutException) {
            return new HostUnavailableException(hostId, endpoint.server() + " did not answer " + request.method()
                    + " within " + callTimeout.toMillis() + " ms", failure);
        }
        if (failure instanceof javax.net.ssl.SSLHandshakeException && trust.presentedThumbprint() != null
                && !trust.pinned()) {
            return new HostUnavailableException(hostId, "the certificate of " + endpoint.server()
                    + " is not trusted by the JDK trust store (its SHA-256 thumbprint is "
                    + trust.presentedThumbprint() + "; pin it with ?thumbprint= after checking it)", failure);
        }
        return new HostUnavailableException(hostId, endpoint.server() + " could not be reached for "
                + request.method() + ": " + SafeText.of(SecretRedaction.messageOf(failure)), failure);
    }

    private static Optional<String> sessionCookie(HttpResponse<?> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String first = header.split(";", 2)[0].strip();
            if (first.startsWith(SESSION_COOKIE + "=")) {
                return Optional.of(first.substring(SESSION_COOKIE.length() + 1));
            }
        }
        return Optional.empty();
    }

    private static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
        Throwable current = failure;
        for (int hops = 0; current != null && hops < 20; hops++) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return null;
    }
}
