package dev.unmanaged.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HardenedXmlTest {

    @Test
    @DisplayName("the factory is namespace-aware, non-validating and supports neither DTDs nor external entities")
    void settings() {
        XMLInputFactory factory = HardenedXml.newInputFactory();
        assertThat(factory.getProperty(XMLInputFactory.SUPPORT_DTD)).isEqualTo(false);
        assertThat(factory.getProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES)).isEqualTo(false);
        assertThat(factory.getProperty(XMLInputFactory.IS_NAMESPACE_AWARE)).isEqualTo(true);
        assertThat(factory.getProperty(XMLInputFactory.IS_VALIDATING)).isEqualTo(false);
    }

    @Test
    @DisplayName("an external entity's file is never read into the document")
    void externalEntityNotRead(@TempDir Path dir) throws IOException, XMLStreamException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "the-secret");
        String xml = "<!DOCTYPE a [<!ENTITY e SYSTEM \"" + secret.toUri() + "\">]><a>&e;</a>";
        XMLStreamReader reader = HardenedXml.newInputFactory().createXMLStreamReader(new StringReader(xml));
        StringBuilder text = new StringBuilder();
        try {
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.CHARACTERS) {
                    text.append(reader.getText());
                }
            }
        } catch (XMLStreamException refused) {
            // refusing the reference is as good as not resolving it
        }
        assertThat(text.toString()).doesNotContain("the-secret");
    }

    @Test
    @DisplayName("each call returns a new factory, so each thread can have its own")
    void newEachTime() {
        assertThat(HardenedXml.newInputFactory()).isNotSameAs(HardenedXml.newInputFactory());
    }

    @Test
    @DisplayName("an ordinary namespaced document is read")
    void ordinaryDocument() throws XMLStreamException {
        XMLStreamReader reader = HardenedXml.newInputFactory().createXMLStreamReader(
                new StringReader("<a xmlns=\"urn:x\"><b>1</b></a>"));
        assertThat(reader.nextTag()).isEqualTo(XMLStreamConstants.START_ELEMENT);
        assertThat(reader.getNamespaceURI()).isEqualTo("urn:x");
        reader.nextTag();
        assertThat(reader.getElementText()).isEqualTo("1");
    }
}
