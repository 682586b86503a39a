package dev.unmanaged.vsphere;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.vsphere.soap.Thumbprints;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paging, which the vCenter simulator does not do (it answers every retrieval in one page): a small HTTPS server
 * of the test's own answers the VM retrieval in three pages chained by tokens, as vCenter does past
 * {@code maxObjects}.
 */
@DisplayName("Paged property retrieval")
class PagedRetrievalTest {
    private static final String OPEN = HardenedSoapReaderTest.OPEN;
    private static final String CLOSE = HardenedSoapReaderTest.CLOSE;

    @TempDir
    Path temp;

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final List<String> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Test
    @DisplayName("every page is fetched with ContinueRetrievePropertiesEx until no token is left, with maxObjects sent")
    void followsTokens() throws Exception {
        char[] storePassword = "store-pw".toCharArray();
        Path keystore = temp.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keyalg", "EC", "-groupname", "secp256r1", "-alias", "server", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", new String(storePassword)).redirectErrorStream(true).start();
        keytool.getInputStream().readAllBytes();
        assertThat(keytool.waitFor()).as("keytool").isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(keystore)) {
            store.load(in, storePassword);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, storePassword);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        String thumbprint = Thumbprints.of((X509Certificate) store.getCertificate("server"));

        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/sdk", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            bodies.add(body);
            String answer = answer(body);
            if (body.contains(":Login>") || body.contains("<Login")) {
                exchange.getResponseHeaders().add("Set-Cookie", "vmware_soap_session=\"s-1\"; Path=/; HttpOnly");
            }
            byte[] bytes = (OPEN + answer + CLOSE).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        try (VsphereInstanceProvider provider = new VsphereInstanceProvider(VsphereProviderOptions.of(
                (s, u) -> "pw".toCharArray()).withMaxObjects(2))) {
            Host host = new Host("paged", VsphereInstanceProvider.HYPERVISOR, "vsphere://ops@127.0.0.1:"
                    + server.getAddress().getPort() + "/sdk?thumbprint=" + thumbprint);
            List<InstanceDescriptor> listing = provider.listInstances(host);
            assertThat(listing).extracting(InstanceDescriptor::name).containsExactly("vm-0", "vm-1", "vm-2", "vm-3");
            assertThat(calls.get("ContinueRetrievePropertiesEx")).hasValue(2);
            assertThat(bodies).filteredOn(b -> b.contains("RetrievePropertiesEx>") && !b.contains("Continue"))
                    .allSatisfy(b -> assertThat(b).contains("<maxObjects>2</maxObjects>"));
        } finally {
            server.stop(0);
        }
    }

    private String answer(String body) {
        String method = body.replaceAll("(?s).*<soapenv:Body><(?:\\w+:)?(\\w+)[ >].*", "$1");
        calls.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
        return switch (method) {
            case "RetrieveServiceContent" -> "<RetrieveServiceContentResponse xmlns=\"urn:vim25\"><returnval>"
                    + "<rootFolder type=\"Folder\">group-d1</rootFolder><propertyCollector type=\"PropertyCollector\">"
                    + "pc</propertyCollector><viewManager type=\"ViewManager\">vm</viewManager><sessionManager type="
                    + "\"SessionManager\">sm</sessionManager></returnval></RetrieveServiceContentResponse>";
            case "Login" -> "<LoginResponse xmlns=\"urn:vim25\"><returnval><key>k</key></returnval></LoginResponse>";
            case "CreateContainerView" -> "<CreateContainerViewResponse xmlns=\"urn:vim25\"><returnval type="
                    + "\"ContainerView\">view-1</returnval></CreateContainerViewResponse>";
            case "RetrievePropertiesEx" -> body.contains(">VirtualMachine<")
                    ? page("RetrievePropertiesExResponse", "t1", 0, 1) : "<RetrievePropertiesExResponse xmlns="
                    + "\"urn:vim25\"/>";
            case "ContinueRetrievePropertiesEx" -> body.contains(">t1<")
                    ? page("ContinueRetrievePropertiesExResponse", "t2", 2)
                    : page("ContinueRetrievePropertiesExResponse", null, 3);
            default -> "<" + method + "Response xmlns=\"urn:vim25\"/>";
        };
    }

    private static String page(String element, String token, int... vms) {
        StringBuilder page = new StringBuilder("<" + element + " xmlns=\"urn:vim25\"><returnval>");
        if (token != null) {
            page.append("<token>").append(token).append("</token>");
        }
        for (int vm : vms) {
            page.append("<objects><obj type=\"VirtualMachine\">vm-").append(vm).append("</obj>")
                    .append(property("name", "xsd:string", "vm-" + vm))
                    .append(property("config.instanceUuid", "xsd:string",
                            "00000000-0000-4000-8000-00000000000" + vm))
                    .append(property("config.hardware", "VirtualHardware",
                            "<numCPU>1</numCPU><memoryMB>64</memoryMB>"))
                    .append(property("runtime.powerState", "VirtualMachinePowerState", "poweredOff"))
                    .append("</objects>");
        }
        return page.append("</returnval></").append(element).append(">").toString();
    }

    private static String property(String name, String type, String value) {
        return "<propSet><name>" + name + "</name><val xsi:type=\"" + type + "\">" + value + "</val></propSet>";
    }
}
