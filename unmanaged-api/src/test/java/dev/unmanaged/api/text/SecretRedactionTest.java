package dev.unmanaged.api.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretRedactionTest {
    private static final String SECRET = "S3cr3t-Value";

    @ParameterizedTest(name = "{0}")
    @DisplayName("a secret in any of the forms other software quotes it is masked")
    @ValueSource(strings = {
            "XML error: at line 4: <graphics type='vnc' passwd='S3cr3t-Value' port='-1'/>",
            "XML error: <graphics type=\"vnc\" passwd=\"S3cr3t-Value\"/>",
            "unterminated attribute: '<graphics type='vnc' passwd='S3cr3t-Value",
            "Specification mandates value: <graphics passwd=S3cr3t-Value/>",
            "cannot parse '  <passwd>S3cr3t-Value</passwd>'",
            "jdbc:postgresql://db/x?user=u&password=S3cr3t-Value&ssl=true",
            "jdbc:postgresql://db/x?sslpassword=S3cr3t-Value",
            "jdbc:h2:file:/tmp/x;USER=sa;PASSWORD=S3cr3t-Value;CIPHER=AES",
            "jdbc:postgresql://u:S3cr3t-Value@db:5432/x",
            "java.net.UnknownHostException: u:S3cr3t-Value@127.0.0.1",
            "cannot resolve 'u:S3cr3t-Value@127.0.0.1'",
            "qemu+ssh://root:S3cr3t-Value@host/system",
            "a line quoted as 'secret is S3cr3t-Value here'",
            "auth_token: S3cr3t-Value",
            "<secret type='ceph' usage='x'>S3cr3t-Value</secret>",
    })
    void masksSecrets(String text) {
        String redacted = SecretRedaction.redact(text);
        assertThat(redacted).doesNotContain(SECRET).contains(SecretRedaction.MASK);
    }

    @Test
    @DisplayName("text without a secret word is left exactly as it was")
    void leavesInnocentText() {
        String text = "domain 'web-01' not found: no domain with matching name 'web-01'";
        assertThat(SecretRedaction.redact(text)).isEqualTo(text);
    }

    @Test
    @DisplayName("what was masked once is not masked again, so redaction is idempotent")
    void idempotent() {
        String once = SecretRedaction.redact("'<graphics passwd=\"x1\" port=\"5900\">'");
        assertThat(SecretRedaction.redact(once)).isEqualTo(once);
    }

    @Test
    @DisplayName("the rest of the message around a masked secret stays readable")
    void keepsContext() {
        assertThat(SecretRedaction.redact("jdbc:postgresql://db/x?user=u&password=p&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/x?user=u&password=***&ssl=true");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("libvirt's own messages for a document line holding a console password are masked")
    @ValueSource(strings = {
            // Printed by libvirt 9.0 for node files whose <graphics> line has an XML error (docs/reliability.md).
            "/n.xml:5: error parsing attribute name\n    <graphics type='vnc' port='-1' passwd='S3cr3t-Value' <bad/>\n"
                    + "-------------------------------------------------------^",
            "/n.xml:5: Unescaped '<' not allowed in attributes values\n"
                    + "    <graphics type='vnc' passwd='S3cr3t-Value <bad/>\n--------------------------------------------^",
            "/n.xml:5: AttValue: \" or ' expected\n    <graphics type='spice' passwd=S3cr3t-Value />\n"
                    + "----------------------------------^",
            "/n.xml:5: Attribute x redefined\n    <graphics type='spice' passwd=\"S3cr3t-Value\" x='1' x='2'/>\n"
                    + "--------------------------------------------------------^",
            "/n.xml:5: Opening and ending tag mismatch: graphics line 5 and graphic\n"
                    + "    <graphics type='vnc' passwd='S3cr3t-Value'></graphic>\n---------------------------------^",
    })
    void masksLibvirtMessages(String text) {
        assertThat(SecretRedaction.redact(text)).doesNotContain(SECRET).contains(SecretRedaction.MASK);
    }
}
