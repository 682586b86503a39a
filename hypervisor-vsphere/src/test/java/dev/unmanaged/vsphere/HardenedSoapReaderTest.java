package dev.unmanaged.vsphere;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unmanaged.vsphere.soap.HardenedSoapReader;
import dev.unmanaged.vsphere.soap.SoapFault;
import dev.unmanaged.vsphere.soap.SoapLimits;
import dev.unmanaged.vsphere.soap.SoapResponseException;
import dev.unmanaged.vsphere.vim.Responses;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The hardened SOAP reader")
class HardenedSoapReaderTest {
    static final String OPEN = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv="
            + "\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
            + " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\"><soapenv:Body>";
    static final String CLOSE = "</soapenv:Body></soapenv:Envelope>";

    private final HardenedSoapReader reader = new HardenedSoapReader(new SoapLimits(64 * 1024, 32));

    private <T> T read(String xml, Class<T> type) {
        return reader.read("Test", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), type);
    }

    @Test
    @DisplayName("reads a container view reference")
    void reference() {
        Responses.ReferenceResponse answer = read(OPEN + "<CreateContainerViewResponse xmlns=\"urn:vim25\">"
                + "<returnval type=\"ContainerView\">session[1]v-1</returnval></CreateContainerViewResponse>" + CLOSE,
                Responses.ReferenceResponse.class);
        assertThat(answer.returnval.type).isEqualTo("ContainerView");
        assertThat(answer.returnval.value).isEqualTo("session[1]v-1");
    }

    @Test
    @DisplayName("a NotAuthenticated fault is told apart from other faults by its xsi:type")
    void notAuthenticated() {
        assertThatThrownBy(() -> read(OPEN + "<soapenv:Fault><faultcode>ServerFaultCode</faultcode><faultstring>"
                + "</faultstring><detail><NotAuthenticatedFault xmlns=\"urn:vim25\" xsi:type=\"NotAuthenticated\">"
                + "<object type=\"ViewManager\">ViewManager</object></NotAuthenticatedFault></detail></soapenv:Fault>"
                + CLOSE, Responses.ReferenceResponse.class))
                .isInstanceOfSatisfying(SoapFault.class, f -> {
                    assertThat(f.notAuthenticated()).isTrue();
                    assertThat(f.invalidLogin()).isFalse();
                });
        assertThatThrownBy(() -> read(OPEN + "<soapenv:Fault><faultcode>ServerFaultCode</faultcode><faultstring>"
                + "Login failure</faultstring><detail><InvalidLoginFault xmlns=\"urn:vim25\"/></detail>"
                + "</soapenv:Fault>" + CLOSE, Responses.LoginResponse.class))
                .isInstanceOfSatisfying(SoapFault.class, f -> assertThat(f.invalidLogin()).isTrue())
                .hasMessageContaining("Login failure");
    }

    @Test
    @DisplayName("a DOCTYPE is refused before any entity could be expanded")
    void doctype() {
        assertThatThrownBy(() -> read("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + OPEN.substring(OPEN.indexOf("?>") + 2) + "<R xmlns=\"urn:vim25\"><returnval type=\"T\">&e;"
                + "</returnval></R>" + CLOSE, Responses.ReferenceResponse.class))
                .isInstanceOf(SoapResponseException.class).hasMessageNotContaining("root:");
    }

    @Test
    @DisplayName("elements nested deeper than the limit are refused")
    void depth() {
        String deep = "<a>".repeat(40) + "</a>".repeat(40);
        assertThatThrownBy(() -> read(OPEN + "<R xmlns=\"urn:vim25\">" + deep + "</R>" + CLOSE,
                Responses.ReferenceResponse.class))
                .isInstanceOf(SoapResponseException.class).hasMessageContaining("deeper than 32");
    }

    @Test
    @DisplayName("a response larger than the limit is refused after reading at most the limit")
    void size() {
        String big = "<x>" + "y".repeat(70 * 1024) + "</x>";
        assertThatThrownBy(() -> read(OPEN + "<R xmlns=\"urn:vim25\">" + big + "</R>" + CLOSE,
                Responses.ReferenceResponse.class))
                .isInstanceOf(SoapResponseException.class).hasMessageContaining("larger than 65536 bytes");
    }

    @Test
    @DisplayName("text that is not XML is a typed error naming the method")
    void notXml() {
        assertThatThrownBy(() -> read("<html>Service Unavailable", Responses.ReferenceResponse.class))
                .isInstanceOf(SoapResponseException.class).hasMessageContaining("Test");
    }
}
