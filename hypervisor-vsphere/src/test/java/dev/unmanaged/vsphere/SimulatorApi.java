package dev.unmanaged.vsphere;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;

/**
 * The test side's own small vim25 client, past the provider: plain SOAP text to the simulator in a session of its
 * own, for creating, powering and removing VMs and for ending sessions. Answers are read with regular expressions,
 * which is enough for the simulator's fixed output.
 */
final class SimulatorApi {
    private final URI sdk;
    private final HttpClient client;
    private String cookie;

    SimulatorApi(URI sdk, String user, String password) {
        this.sdk = sdk;
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustEveryCertificate()}, null);
            SSLParameters parameters = new SSLParameters();
            parameters.setEndpointIdentificationAlgorithm(null);
            this.client = HttpClient.newBuilder().sslContext(context).sslParameters(parameters)
                    .connectTimeout(Duration.ofSeconds(10)).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        String answer = call("<Login><_this type=\"SessionManager\">SessionManager</_this><userName>" + user
                + "</userName><password>" + password + "</password></Login>");
        if (cookie == null) {
            throw new IllegalStateException("the simulator refused the test's login: " + answer);
        }
    }

    /** Sends one method element (vim25 namespace by default) and returns the answer's text. */
    String call(String method) {
        String envelope = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv="
                + "\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns=\"urn:vim25\" xmlns:xsi="
                + "\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">"
                + "<soapenv:Body>" + method + "</soapenv:Body></soapenv:Envelope>";
        HttpRequest.Builder request = HttpRequest.newBuilder(sdk).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "text/xml").header("SOAPAction", "urn:vim25/6.5")
                .POST(HttpRequest.BodyPublishers.ofString(envelope));
        if (cookie != null) {
            request.header("Cookie", "vmware_soap_session=" + cookie);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").stream().map(h -> h.split(";", 2)[0])
                    .filter(c -> c.startsWith("vmware_soap_session=")).findFirst()
                    .ifPresent(c -> cookie = c.substring("vmware_soap_session=".length()));
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("the simulator did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every {@code <element type="T">value</element>} reference in {@code xml} of type {@code type}. */
    static List<String> references(String xml, String type) {
        List<String> values = new ArrayList<>();
        Matcher m = Pattern.compile("type=\"" + type + "\">([^<]+)<").matcher(xml);
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    /** The text of the first {@code <element>} in {@code xml}, or null. */
    static String text(String xml, String element) {
        Matcher m = Pattern.compile("<" + element + "(?: [^>]*)?>([^<]*)</" + element + ">").matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    /** {@code path} of every object of {@code type} in the inventory, as raw answer text. */
    String retrieveAll(String type, String... paths) {
        String view = references(call("<CreateContainerView><_this type=\"ViewManager\">ViewManager</_this>"
                + "<container type=\"Folder\">group-d1</container><type>" + type + "</type><recursive>true"
                + "</recursive></CreateContainerView>"), "ContainerView").get(0);
        StringBuilder pathSet = new StringBuilder();
        for (String path : paths) {
            pathSet.append("<pathSet>").append(path).append("</pathSet>");
        }
        String answer = call("<RetrievePropertiesEx><_this type=\"PropertyCollector\">propertyCollector</_this>"
                + "<specSet><propSet><type>" + type + "</type>" + pathSet + "</propSet><objectSet><obj type="
                + "\"ContainerView\">" + view + "</obj><skip>true</skip><selectSet xsi:type=\"TraversalSpec\">"
                + "<name>v</name><type>ContainerView</type><path>view</path><skip>false</skip></selectSet>"
                + "</objectSet></specSet><options/></RetrievePropertiesEx>");
        call("<DestroyView><_this type=\"ContainerView\">" + view + "</_this></DestroyView>");
        return answer;
    }

    /** Runs a task method on {@code target} and waits until it succeeds; its result's text. */
    String runTask(String method, String targetType, String target, String parameters) {
        String answer = call("<" + method + "><_this type=\"" + targetType + "\">" + target + "</_this>" + parameters
                + "</" + method + ">");
        List<String> tasks = references(answer, "Task");
        if (tasks.isEmpty()) {
            throw new IllegalStateException(method + " failed: " + answer);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            String info = call("<RetrievePropertiesEx><_this type=\"PropertyCollector\">propertyCollector</_this>"
                    + "<specSet><propSet><type>Task</type><pathSet>info</pathSet></propSet><objectSet><obj type="
                    + "\"Task\">" + tasks.get(0) + "</obj></objectSet></specSet><options/></RetrievePropertiesEx>");
            String state = text(info, "state");
            if ("success".equals(state)) {
                return info;
            }
            if ("error".equals(state)) {
                throw new IllegalStateException(method + " failed: " + info);
            }
            Thread.onSpinWait();
        }
        throw new IllegalStateException(method + " did not finish within 30 s");
    }

    /** Ends every session but this one (as an expiry would). */
    void endOtherSessions() {
        String sessions = call("<RetrievePropertiesEx><_this type=\"PropertyCollector\">propertyCollector</_this>"
                + "<specSet><propSet><type>SessionManager</type><pathSet>sessionList</pathSet></propSet><objectSet>"
                + "<obj type=\"SessionManager\">SessionManager</obj></objectSet></specSet><options/>"
                + "</RetrievePropertiesEx>");
        Matcher keys = Pattern.compile("<key>([0-9a-f-]{36})</key>").matcher(sessions);
        while (keys.find()) {
            if (!keys.group(1).equals(cookie.replace("\"", ""))) {
                call("<TerminateSession><_this type=\"SessionManager\">SessionManager</_this><sessionId>"
                        + keys.group(1) + "</sessionId></TerminateSession>");
            }
        }
    }
}
