package dev.unmanaged.benchmarks.vsphere;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The baseline: a vim25 client that asks for one VM at a time, as scripts built on per-object calls do. It finds
 * the VMs with one call (names only), then asks the property collector for each VM's properties in a call of its
 * own. It reads each answer as text and parses nothing, so its time is a lower bound for such a client.
 */
final class OneAtATimeClient {
    private static final Pattern VM = Pattern.compile("<obj type=\"VirtualMachine\">([^<]+)</obj>");

    private final URI sdk;
    private final HttpClient client;
    private final List<String> paths;
    private String cookie;
    private long roundTrips;

    OneAtATimeClient(URI sdk, List<String> paths) throws GeneralSecurityException {
        this.sdk = sdk;
        this.paths = paths;
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        this.client = HttpClient.newBuilder().sslContext(context).build();
    }

    /** Logs in; not counted in a listing. */
    void login() throws IOException, InterruptedException {
        call("<Login><_this type=\"SessionManager\">SessionManager</_this><userName>bench</userName><password>bench"
                + "</password></Login>");
    }

    /** Lists every VM, one property call per VM; the number of VMs whose properties were read. */
    int list() throws IOException, InterruptedException {
        String view = call("<CreateContainerView><_this type=\"ViewManager\">ViewManager</_this><container type="
                + "\"Folder\">group-d1</container><type>VirtualMachine</type><recursive>true</recursive>"
                + "</CreateContainerView>").replaceAll("(?s).*type=\"ContainerView\">([^<]+)<.*", "$1");
        String names = call("<RetrievePropertiesEx><_this type=\"PropertyCollector\">propertyCollector</_this>"
                + "<specSet><propSet><type>VirtualMachine</type><pathSet>name</pathSet></propSet><objectSet><obj type="
                + "\"ContainerView\">" + view + "</obj><skip>true</skip><selectSet xsi:type=\"TraversalSpec\"><name>v"
                + "</name><type>ContainerView</type><path>view</path><skip>false</skip></selectSet></objectSet>"
                + "</specSet><options/></RetrievePropertiesEx>");
        call("<DestroyView><_this type=\"ContainerView\">" + view + "</_this></DestroyView>");
        List<String> vms = new ArrayList<>();
        Matcher m = VM.matcher(names);
        while (m.find()) {
            vms.add(m.group(1));
        }
        StringBuilder pathSet = new StringBuilder();
        paths.forEach(p -> pathSet.append("<pathSet>").append(p).append("</pathSet>"));
        int read = 0;
        for (String vm : vms) {
            String answer = call("<RetrievePropertiesEx><_this type=\"PropertyCollector\">propertyCollector</_this>"
                    + "<specSet><propSet><type>VirtualMachine</type>" + pathSet + "</propSet><objectSet><obj type="
                    + "\"VirtualMachine\">" + vm + "</obj></objectSet></specSet><options/></RetrievePropertiesEx>");
            if (answer.contains("config.hardware")) {
                read++;
            }
        }
        return read;
    }

    long roundTrips() {
        return roundTrips;
    }

    private String call(String method) throws IOException, InterruptedException {
        String envelope = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv="
                + "\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns=\"urn:vim25\" xmlns:xsi="
                + "\"http://www.w3.org/2001/XMLSchema-instance\"><soapenv:Body>" + method
                + "</soapenv:Body></soapenv:Envelope>";
        HttpRequest.Builder request = HttpRequest.newBuilder(sdk).header("Content-Type", "text/xml")
                .header("SOAPAction", "urn:vim25/6.5").POST(HttpRequest.BodyPublishers.ofString(envelope));
        if (cookie != null) {
            request.header("Cookie", "vmware_soap_session=" + cookie);
        }
        roundTrips++;
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        response.headers().allValues("Set-Cookie").stream().map(h -> h.split(";", 2)[0])
                .filter(c -> c.startsWith("vmware_soap_session=")).findFirst()
                .ifPresent(c -> cookie = c.substring("vmware_soap_session=".length()));
        return response.body();
    }
}
