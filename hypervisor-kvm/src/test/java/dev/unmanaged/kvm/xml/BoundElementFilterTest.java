package dev.unmanaged.kvm.xml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unmanaged.kvm.xml.model.DomainXml;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The filter that hands the binding only the elements the model binds")
class BoundElementFilterTest {
    private static final BoundElements DOMAIN = BoundElements.of(DomainXml.class);

    @Test
    @DisplayName("knows the bound tree from the model: devices/disk/source is bound, metadata and controllers are not")
    void boundTreeFromTheModel() {
        assertThat(DOMAIN.child("devices").child("disk").child("source")).isNotNull();
        assertThat(DOMAIN.child("cpu").child("topology")).isNotNull();
        assertThat(DOMAIN.child("metadata")).isNull();
        assertThat(DOMAIN.child("devices").child("controller")).isNull();
        assertThat(DOMAIN.child("name").child("anything")).isNull();
    }

    @Test
    @DisplayName("passes bound elements and their bound text, and skips unbound subtrees (also bound names inside"
            + " them or in a namespace) and the text between elements")
    void skipsUnboundSubtrees() throws Exception {
        String xml = "<domain>\n  <metadata><name>inner</name></metadata>\n  <name>vm</name>"
                + "<x:uuid xmlns:x='urn:other'>u</x:uuid><devices> <controller><disk/></controller>"
                + "<disk><source file='/a'/><unknown><deeper/></unknown></disk></devices></domain><!-- after -->";
        XMLStreamReader raw = XMLInputFactory.newDefaultFactory().createXMLStreamReader(new StringReader(xml));
        raw.nextTag();
        XMLStreamReader filtered = new BoundElementFilter(raw, DOMAIN);

        List<String> starts = new ArrayList<>();
        while (filtered.hasNext()) {
            int event = filtered.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                starts.add(filtered.getLocalName());
            }
            if (event == XMLStreamConstants.CHARACTERS) {
                starts.add("text " + filtered.getText());
            }
            if (event == XMLStreamConstants.COMMENT) {
                starts.add("comment after the root");
            }
        }

        assertThat(starts).containsExactly("name", "text vm", "devices", "disk", "source",
                "comment after the root");
    }
}
