package dev.unmanaged.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GuardedStreamReaderTest {

    @Test
    @DisplayName("a document within the depth limit is read to its end")
    void withinTheLimit() throws XMLStreamException {
        XMLStreamReader reader = guarded("<a><b><c>text</c></b></a>", 3);
        int starts = 0;
        while (reader.hasNext()) {
            if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                starts++;
            }
        }
        assertThat(starts).isEqualTo(3);
    }

    @Test
    @DisplayName("a start tag one level past the limit is refused as TOO_DEEP with its position")
    void tooDeep() {
        XMLStreamReader reader = guarded("<a><b><c><d/></c></b></a>", 3);
        assertThatThrownBy(() -> readAll(reader)).isInstanceOfSatisfying(GuardViolation.class, refused -> {
            assertThat(refused.kind()).isEqualTo(GuardViolation.Kind.TOO_DEEP);
            assertThat(refused.detail()).isEqualTo("more than 3 nested elements");
            assertThat(refused.getMessage()).isEqualTo("elements nest deeper than 3 levels");
            assertThat(refused.line()).isEqualTo(1);
            assertThat(refused.column()).isNotNull();
        });
    }

    @Test
    @DisplayName("a DOCTYPE is refused before any entity it declares could be used")
    void doctype() {
        XMLStreamReader reader = guarded("<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY e SYSTEM "
                + "\"file:///etc/passwd\">]>\n<a>&e;</a>", 10);
        assertThatThrownBy(() -> readAll(reader)).isInstanceOfSatisfying(GuardViolation.class, refused -> {
            assertThat(refused.kind()).isEqualTo(GuardViolation.Kind.DOCTYPE);
            assertThat(refused.line()).isEqualTo(2);
        });
    }

    @Test
    @DisplayName("nextTag passes every event through the guards")
    void nextTagIsGuarded() {
        XMLStreamReader reader = guarded("<a> <!-- c --> <b/></a>", 1);
        assertThatThrownBy(() -> {
            reader.nextTag();
            reader.nextTag();
        }).isInstanceOf(GuardViolation.class);
    }

    @Test
    @DisplayName("nextTagOf refuses text that is not whitespace before the next tag")
    void nextTagOfRefusesText() throws XMLStreamException {
        XMLStreamReader reader = guarded("<a>text<b/></a>", 5);
        assertThat(GuardedStreamReader.nextTagOf(reader)).isEqualTo(XMLStreamConstants.START_ELEMENT);
        assertThatThrownBy(() -> GuardedStreamReader.nextTagOf(reader))
                .isInstanceOf(XMLStreamException.class).hasMessageContaining("expected a start or end tag");
    }

    @Test
    @DisplayName("a depth limit below 1 is refused")
    void badLimit() throws XMLStreamException {
        XMLStreamReader raw = HardenedXml.newInputFactory().createXMLStreamReader(new StringReader("<a/>"));
        assertThatThrownBy(() -> new GuardedStreamReader(raw, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxDepth must be >= 1, got 0");
    }

    private static XMLStreamReader guarded(String xml, int maxDepth) {
        try {
            return new GuardedStreamReader(HardenedXml.newInputFactory().createXMLStreamReader(
                    new StringReader(xml)), maxDepth);
        } catch (XMLStreamException e) {
            throw new AssertionError(e);
        }
    }

    private static void readAll(XMLStreamReader reader) throws XMLStreamException {
        while (reader.hasNext()) {
            reader.next();
        }
    }
}
