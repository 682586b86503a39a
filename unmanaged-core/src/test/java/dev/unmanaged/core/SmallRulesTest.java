package dev.unmanaged.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unmanaged.api.instance.DiskDescriptor;
import dev.unmanaged.api.inventory.StoragePool;
import dev.unmanaged.api.text.SafeText;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmallRulesTest {

    @Nested
    @DisplayName("host names")
    class HostNameRules {
        @ParameterizedTest
        @ValueSource(strings = {"web", "web-01", "a", "Db2", "x123456789012345678901234567890123456789012345678901234567890ab"})
        @DisplayName("RFC 1123 labels starting with a letter are valid")
        void valid(String name) {
            assertThat(HostNames.whyInvalid(name)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "-web", "web-", "1web", "web_01", "web 01", "web.example", "wéb", "web\n01",
                "x1234567890123456789012345678901234567890123456789012345678901234"})
        @DisplayName("anything else is refused with a reason")
        void invalid(String name) {
            assertThat(HostNames.whyInvalid(name)).isPresent();
        }
    }

    @Nested
    @DisplayName("safe text")
    class SafeTextRules {
        @Test
        @DisplayName("control characters and line separators are escaped so a log line stays one line")
        void escapesControlCharacters() {
            String hostile = "vm\nINFO forged line\r\u0000\u2028end\u001b[31m";
            String safe = SafeText.of(hostile);
            assertThat(safe).doesNotContain("\n", "\r", "\u0000", "\u2028", "\u001b")
                    .contains("\\n", "\\r", "\\u0000", "\\u2028", "\\u001b");
        }

        @Test
        @DisplayName("a 1,000-character value is shortened and says how long it was")
        void shortensLongValues() {
            String safe = SafeText.of("x".repeat(1000));
            assertThat(safe).hasSizeLessThan(200).endsWith("(1000 chars)");
        }

        @Test
        @DisplayName("a password in a host URI is masked")
        void masksUriPasswords() {
            assertThat(SafeText.host("qemu+ssh://root:s3cret@h1/system")).isEqualTo("qemu+ssh://root:***@h1/system");
            assertThat(SafeText.host("qemu+ssh://root@h1/system")).isEqualTo("qemu+ssh://root@h1/system");
        }
    }

    @Nested
    @DisplayName("pool membership")
    class PoolRules {
        final StoragePool images = new StoragePool("p1", "images", "/var/lib/libvirt/images", "default", Set.of());

        @Test
        @DisplayName("a file under the pool path is held; one outside it, or escaping with .., is not")
        void pathPools() {
            assertThat(PoolMembership.whyNotHeld(file("/var/lib/libvirt/images/vm.qcow2"), images)).isEmpty();
            assertThat(PoolMembership.whyNotHeld(file("/var/lib/libvirt/images/../secret.img"), images))
                    .hasValueSatisfying(why -> assertThat(why).contains("not under the path"));
            assertThat(PoolMembership.whyNotHeld(file("/var/lib/libvirt/images-other/vm.qcow2"), images)).isPresent();
            assertThat(PoolMembership.whyNotHeld(file("relative/vm.qcow2"), images)).isPresent();
            assertThat(PoolMembership.whyNotHeld(file(null), images))
                    .hasValueSatisfying(why -> assertThat(why).contains("no source"));
        }

        @Test
        @DisplayName("a volume is held by the pool its source names")
        void volumePools() {
            assertThat(PoolMembership.whyNotHeld(disk("volume", "default/vm.qcow2"), images)).isEmpty();
            assertThat(PoolMembership.whyNotHeld(disk("volume", "other/vm.qcow2"), images))
                    .hasValueSatisfying(why -> assertThat(why).contains("'other'").contains("'default'"));
        }

        @Test
        @DisplayName("a vSphere disk is held by the pool whose host pool name is its datastore")
        void datastorePools() {
            StoragePool datastore = new StoragePool("gold", "Gold datastore", null, "ssd-01", Set.of());
            assertThat(PoolMembership.whyNotHeld(file("[ssd-01] db/db.vmdk"), datastore)).isEmpty();
            assertThat(PoolMembership.whyNotHeld(file("[ssd-02] db/db.vmdk"), datastore))
                    .hasValueSatisfying(why -> assertThat(why).contains("'ssd-02'").contains("'ssd-01'"));
            assertThat(PoolMembership.whyNotHeld(file("[ssd-01] db/db.vmdk"), images)).isPresent();
        }

        private DiskDescriptor file(String source) {
            return disk("file", source);
        }

        private DiskDescriptor disk(String type, String source) {
            return new DiskDescriptor("disk", type, "qcow2", null, source, null, List.of(), "vda", "virtio", null,
                    false, false, null, 1L << 30, null);
        }
    }

    @Nested
    @DisplayName("regenerated MACs")
    class MacRules {
        @Test
        @DisplayName("are locally administered unicast, lower case, and avoid taken ones")
        void freshMacs() {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < 500; i++) {
                String mac = LocallyAdministeredMacs.freshLocallyAdministered(seen::contains);
                assertThat(mac).matches("([0-9a-f]{2}:){5}[0-9a-f]{2}");
                assertThat(LocallyAdministeredMacs.isLocallyAdministeredUnicast(mac)).isTrue();
                assertThat(seen.add(mac)).isTrue();
            }
        }
    }
}
