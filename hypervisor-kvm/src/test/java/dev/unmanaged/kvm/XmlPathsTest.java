package dev.unmanaged.kvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Reading values out of libvirt's side documents")
class XmlPathsTest {
    @Test
    @DisplayName("a storage volume's backing file and format are read by path; the first occurrence counts")
    void volume() {
        Map<String, String> found = XmlPaths.read("""
                <volume type='file'><name>top.qcow2</name>
                  <target><path>/img/top.qcow2</path><format type='qcow2'/></target>
                  <backingStore><path> /img/base.qcow2 </path><format type='raw'/></backingStore>
                  <backingStore><path>/img/ignored.qcow2</path></backingStore>
                </volume>""", Set.of("volume/backingStore/path", "volume/backingStore/format@type",
                "volume/capacity"));

        assertThat(found).containsExactlyInAnyOrderEntriesOf(Map.of("volume/backingStore/path", "/img/base.qcow2",
                "volume/backingStore/format@type", "raw"));
    }

    @Test
    @DisplayName("a document with a DOCTYPE is refused, so no entity is ever expanded")
    void doctype() {
        assertThatThrownBy(() -> XmlPaths.read("<!DOCTYPE v [<!ENTITY x 'y'>]><volume>&x;</volume>",
                Set.of("volume"))).isInstanceOf(IllegalArgumentException.class);
    }
}
