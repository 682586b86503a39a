package dev.unmanaged.vsphere;

import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.text.SafeText;
import dev.unmanaged.api.text.SecretRedaction;
import dev.unmanaged.api.text.UserInfo;
import dev.unmanaged.vsphere.soap.Thumbprints;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A vCenter or ESXi endpoint as a host address: {@code vsphere://USER@HOST[:PORT][/PATH][?QUERY]}, the path
 * {@code /sdk} by default, the port 443. Query parameters: {@code datacenter}, {@code cluster} and {@code host}
 * narrow what is listed to the named datacenter, cluster or ESXi host; {@code thumbprint} pins the server
 * certificate by its SHA-256 thumbprint (colon-separated hex); {@code insecure=true} accepts any certificate.
 * A URI that carries a password is refused: passwords come from {@link VsphereCredentials}.
 *
 * @param user       the user name (URI-decoded, e.g. {@code administrator@vsphere.local})
 * @param hostName   the server's host name or address
 * @param port       the HTTPS port
 * @param path       the SOAP path, e.g. {@code /sdk}
 * @param datacenter the datacenter to list, null for all
 * @param cluster    the cluster to list, null for all
 * @param esxiHost   the ESXi host to list, null for all
 * @param thumbprint the pinned SHA-256 thumbprint in upper case, null when the JDK trust store decides
 * @param insecure   true when any certificate is accepted
 */
public record VsphereEndpoint(String user, String hostName, int port, String path, @Nullable String datacenter,
                              @Nullable String cluster, @Nullable String esxiHost, @Nullable String thumbprint,
                              boolean insecure) {
    /** The URI scheme. */
    public static final String SCHEME = "vsphere";
    private static final Set<String> PARAMETERS = Set.of("datacenter", "cluster", "host", "thumbprint", "insecure");
    private static final String FIELD = "host address";

    /**
     * Reads a host address.
     *
     * @throws InvalidRequestException naming the address (any password masked) and what was expected
     */
    public static VsphereEndpoint parse(String address) {
        URI uri;
        try {
            uri = new URI(address.strip());
        } catch (URISyntaxException e) {
            throw invalid(address, "a URI vsphere://USER@HOST[:PORT][/PATH] (" + SafeText.of(e.getReason()) + ")");
        }
        if (!SCHEME.equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw invalid(address, "a URI vsphere://USER@HOST[:PORT][/PATH]");
        }
        if (UserInfo.holdsPassword(address)) {
            throw invalid(address, "no password in the URI: the password is asked for (the command-line tool "
                    + "reads UNMANAGED_VSPHERE_PASSWORD)");
        }
        String userInfo = uri.getUserInfo();
        if (userInfo == null || userInfo.isBlank()) {
            throw invalid(address, "a user name: vsphere://USER@HOST (write @ in a user name as %40)");
        }
        Map<String, String> query = query(address, uri.getRawQuery());
        String thumbprint = query.get("thumbprint");
        String pinned = thumbprint == null ? null : Thumbprints.normalized(thumbprint);
        if (thumbprint != null && pinned == null) {
            throw invalid(address, "thumbprint= a SHA-256 thumbprint: 32 hex pairs separated by colons, as "
                    + "vSphere shows it");
        }
        String insecure = query.getOrDefault("insecure", "false");
        if (!insecure.equals("true") && !insecure.equals("false")) {
            throw invalid(address, "insecure=true or insecure=false");
        }
        String path = uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/") ? "/sdk"
                : uri.getPath();
        return new VsphereEndpoint(userInfo, uri.getHost(), uri.getPort() < 0 ? 443 : uri.getPort(), path,
                query.get("datacenter"), query.get("cluster"), query.get("host"), pinned, insecure.equals("true"));
    }

    /** The HTTPS URI of the SOAP service. */
    public URI sdkUri() {
        String host = hostName.contains(":") && !hostName.startsWith("[") ? "[" + hostName + "]" : hostName;
        return URI.create("https://" + host + ":" + port + path);
    }

    /** The server as {@code host:port}, for messages. */
    public String server() {
        return hostName + ":" + port;
    }

    private static Map<String, String> query(String address, @Nullable String rawQuery) {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return values;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            if (!PARAMETERS.contains(key)) {
                throw invalid(address, "query parameters among " + PARAMETERS.stream().sorted().toList()
                        + ", not " + SafeText.quoted(key));
            }
            if (value.isBlank()) {
                throw invalid(address, "a value for the query parameter " + key);
            }
            if (values.put(key, value) != null) {
                throw invalid(address, "the query parameter " + key + " once");
            }
        }
        return values;
    }

    private static InvalidRequestException invalid(String address, String expected) {
        return new InvalidRequestException(FIELD, SafeText.of(SecretRedaction.redact(address)), expected);
    }
}
