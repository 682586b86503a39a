package dev.unmanaged.kvm.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.fail;

import dev.unmanaged.api.instance.DescriptorWarning;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.WarningCodes;
import dev.unmanaged.kvm.xml.DomainXmlException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in bad/ handled as bad/README.md says. For the "either" outcomes the chosen one is fixed here (and
 * in docs/domain-xml.md): reject-or-flag → accept with a blocking warning; reject-or-empty → absent UUID with a
 * blocking warning; reject-or-ignore → XInclude stays inert markup; reject-or-accept-bounded → reject.
 */
class HostileDocumentsTest {
    private static final String SAMPLE_UUID = "6f1c3c1e-2d7b-4a47-9c55-0b1c6f2a9e01";
    private final DomainXmlParser parser = DomainXmlParser.shared();

    /** The outcome chosen for each file, and what is checked about it. */
    private record Outcome(String kind, Reason reason, String field, Consumer<InstanceDescriptor> accepted) {
        static Outcome reject(Reason reason, String field) {
            return new Outcome("reject", reason, field, null);
        }

        static Outcome accept(Consumer<InstanceDescriptor> check) {
            return new Outcome("accept", null, null, check);
        }

        static Outcome flag(String code, String... named) {
            return new Outcome("flag", null, null, d -> assertThat(d.warnings())
                    .filteredOn(w -> w.code().equals(code))
                    .singleElement()
                    .satisfies(w -> assertThat(w.blocksImport()).isTrue())
                    .extracting(DescriptorWarning::message).asString().contains(named));
        }
    }

    private static final Map<String, Outcome> OUTCOMES = new HashMap<>();

    static {
        for (String doctype : List.of("xxe-external-entity-file.xml", "xxe-external-entity-http.xml",
                "xxe-parameter-entity-oob.xml", "external-dtd-system-id.xml", "doctype-internal-subset-benign.xml",
                "billion-laughs.xml", "quadratic-blowup.xml")) {
            OUTCOMES.put(doctype, Outcome.reject(Reason.DOCTYPE_FORBIDDEN, "<!DOCTYPE>"));
        }
        for (String syntax : List.of("undefined-entity.xml", "truncated.xml", "truncated-mid-attribute.xml",
                "two-root-elements.xml", "trailing-garbage.xml", "nul-byte.xml", "invalid-char-reference.xml")) {
            OUTCOMES.put(syntax, Outcome.reject(Reason.SYNTAX, null));
        }
        OUTCOMES.put("wrong-root-network.xml", Outcome.reject(Reason.WRONG_ROOT, "root element"));
        OUTCOMES.put("wrong-root-domainsnapshot.xml", Outcome.reject(Reason.WRONG_ROOT, "root element"));
        OUTCOMES.put("wrong-root-namespaced.xml", Outcome.reject(Reason.WRONG_ROOT, "root element"));
        OUTCOMES.put("empty.xml", Outcome.reject(Reason.EMPTY, "document"));
        OUTCOMES.put("whitespace-only.xml", Outcome.reject(Reason.EMPTY, "document"));
        OUTCOMES.put("deeply-nested-metadata.xml", Outcome.reject(Reason.LIMIT_EXCEEDED, "element depth"));
        OUTCOMES.put("non-utf8-bytes.xml", Outcome.reject(Reason.ENCODING, null));
        OUTCOMES.put("secret-in-error-path.xml", Outcome.reject(Reason.INVALID_VALUE, "<memory>"));
        OUTCOMES.put("invalid-uuid.xml", Outcome.reject(Reason.INVALID_VALUE, "<uuid>"));
        OUTCOMES.put("missing-name.xml", Outcome.reject(Reason.MISSING_ELEMENT, "<name>"));
        OUTCOMES.put("duplicate-name-element.xml", Outcome.reject(Reason.DUPLICATE_ELEMENT, "<name>"));
        OUTCOMES.put("memory-not-a-number.xml", Outcome.reject(Reason.INVALID_VALUE, "<memory>"));
        OUTCOMES.put("memory-negative.xml", Outcome.reject(Reason.INVALID_VALUE, "<memory>"));
        OUTCOMES.put("memory-overflow.xml", Outcome.reject(Reason.INVALID_VALUE, "<memory>"));
        OUTCOMES.put("memory-unknown-unit.xml", Outcome.reject(Reason.INVALID_VALUE, "<memory> unit"));
        OUTCOMES.put("vcpu-zero.xml", Outcome.reject(Reason.INVALID_VALUE, "<vcpu>"));
        OUTCOMES.put("cputune-shares-not-a-number.xml", Outcome.reject(Reason.INVALID_VALUE, "<cputune><shares>"));
        OUTCOMES.put("cputune-period-out-of-range.xml", Outcome.reject(Reason.INVALID_VALUE, "<cputune><period>"));

        OUTCOMES.put("duplicate-mac.xml", Outcome.flag(WarningCodes.DUPLICATE_MAC, "52:54:00:aa:bb:cc"));
        OUTCOMES.put("duplicate-disk-target.xml", Outcome.flag(WarningCodes.DUPLICATE_DISK_TARGET, "vda"));
        OUTCOMES.put("cpu-topology-mismatch.xml", Outcome.flag(WarningCodes.CPU_TOPOLOGY_MISMATCH, "16", "<vcpu> 4"));

        OUTCOMES.put("missing-uuid.xml", Outcome.accept(d -> {
            assertThat(d.uuid()).isNull();
            assertThat(d.warnings()).extracting(DescriptorWarning::code).containsExactly(WarningCodes.UUID_MISSING);
            assertThat(d.hasBlockingWarning()).isTrue();
        }));
        OUTCOMES.put("xinclude.xml", Outcome.accept(d -> assertThat(d.toString()).doesNotContain("root:")));
        OUTCOMES.put("latin1-declared.xml", Outcome.accept(HostileDocumentsTest::isTheSample));
        OUTCOMES.put("utf8-bom.xml", Outcome.accept(HostileDocumentsTest::isTheSample));
        OUTCOMES.put("utf16le-bom.xml", Outcome.accept(HostileDocumentsTest::isTheSample));
        OUTCOMES.put("unknown-elements-and-metadata.xml", Outcome.accept(HostileDocumentsTest::isTheSample));
        OUTCOMES.put("comments-cdata-pi.xml", Outcome.accept(d -> assertThat(d.name()).isEqualTo("cdata-name")));
        OUTCOMES.put("cputune-quota-unlimited.xml", Outcome.accept(d -> {
            assertThat(d.cpu().tune().quotaUnlimited()).isTrue();
            assertThat(d.cpu().tune().quotaMicros()).isNull();
            assertThat(d.cpu().tune().periodMicros()).isEqualTo(100_000L);
            assertThat(d.cpu().tune().shares()).isEqualTo(2048L);
        }));
        OUTCOMES.put("secret-graphics-vnc-passwd.xml", Outcome.accept(d -> {
            assertThat(d.graphics()).singleElement().satisfies(g -> {
                assertThat(g.type()).isEqualTo("vnc");
                assertThat(g.port()).isEqualTo(5900);
                assertThat(g.listen()).isEqualTo("127.0.0.1");
                assertThat(g.passwordSet()).isTrue();
            });
        }));
        OUTCOMES.put("secret-graphics-spice-passwd.xml", Outcome.accept(d -> {
            assertThat(d.graphics()).singleElement().satisfies(g -> {
                assertThat(g.type()).isEqualTo("spice");
                assertThat(g.port()).isNull();
                assertThat(g.listen()).isEqualTo("127.0.0.1");
                assertThat(g.passwordSet()).isTrue();
            });
        }));
        OUTCOMES.put("secret-disk-rbd-auth.xml", Outcome.accept(d -> {
            assertThat(d.disks()).singleElement().satisfies(disk -> {
                assertThat(disk.type()).isEqualTo("network");
                assertThat(disk.protocol()).isEqualTo("rbd");
                assertThat(disk.source()).isEqualTo("pool/volume-0001");
                assertThat(disk.hosts()).containsExactly("192.0.2.10:6789", "192.0.2.11:6789");
                assertThat(disk.cache()).isEqualTo("none");
            });
            assertThat(d.toString()).doesNotContain("username").doesNotContain("cloudstack");
        }));
        OUTCOMES.put("secret-disk-iscsi-chap.xml", Outcome.accept(d -> {
            assertThat(d.disks()).singleElement().satisfies(disk -> {
                assertThat(disk.protocol()).isEqualTo("iscsi");
                assertThat(disk.source()).isEqualTo("iqn.2013-07.com.example:iscsi-pool/1");
                assertThat(disk.hosts()).containsExactly("192.0.2.20:3260");
                assertThat(disk.bus()).isEqualTo("scsi");
            });
            assertThat(d.toString()).doesNotContain("chap-user");
        }));
        OUTCOMES.put("secret-disk-luks-encryption.xml", Outcome.accept(d -> assertThat(d.disks()).singleElement()
                .satisfies(disk -> assertThat(disk.source()).isEqualTo("/var/lib/libvirt/images/encrypted.qcow2"))));
        OUTCOMES.put("secret-disk-http-cookies.xml", Outcome.accept(d -> {
            assertThat(d.disks()).singleElement().satisfies(disk -> {
                assertThat(disk.device()).isEqualTo("cdrom");
                assertThat(disk.protocol()).isEqualTo("https");
                assertThat(disk.source()).isEqualTo("/images/install.iso");
                assertThat(disk.hosts()).containsExactly("images.example.com:443");
                assertThat(disk.readOnly()).isTrue();
            });
            assertThat(d.toString()).doesNotContain("token").doesNotContain("session");
        }));
    }

    /** The common sample most bad/ files are built from, as hand-read from the files. */
    private static void isTheSample(InstanceDescriptor d) {
        assertThat(d.name()).isEqualTo("bad-input-sample");
        assertThat(d.uuid()).hasToString(SAMPLE_UUID);
        assertThat(d.virtualizationType()).isEqualTo("kvm");
        assertThat(d.memory().maxBytes()).isEqualTo(1_048_576L * 1024);
        assertThat(d.memory().currentBytes()).isEqualTo(1_048_576L * 1024);
        assertThat(d.cpu().vcpus()).isEqualTo(2);
        assertThat(d.cpu().maxVcpus()).isEqualTo(2);
        assertThat(d.os().arch()).isEqualTo("x86_64");
        assertThat(d.os().machine()).isEqualTo("pc-q35-8.2");
        assertThat(d.os().bootOrder()).containsExactly("hd");
        assertThat(d.disks()).singleElement().satisfies(disk -> {
            assertThat(disk.source()).isEqualTo("/var/lib/libvirt/images/sample.qcow2");
            assertThat(disk.driverType()).isEqualTo("qcow2");
            assertThat(disk.deviceName()).isEqualTo("vda");
        });
        assertThat(d.nics()).singleElement().satisfies(nic -> {
            assertThat(nic.mac()).isEqualTo("52:54:00:12:34:56");
            assertThat(nic.source()).isEqualTo("default");
            assertThat(nic.model()).isEqualTo("virtio");
        });
        assertThat(d.warnings()).isEmpty();
    }

    static Stream<Corpus.BadInput> badXmlFiles() {
        return Corpus.badInputs().stream().filter(b -> b.file().endsWith(".xml"));
    }

    @Test
    @DisplayName("every file of bad/ has a chosen outcome that the index allows")
    void everyFileHasAnAllowedOutcome() {
        List<Corpus.BadInput> inputs = Corpus.badInputs();
        assertThat(inputs).hasSizeGreaterThanOrEqualTo(50);
        for (Corpus.BadInput input : inputs) {
            if (input.file().endsWith(".md")) {
                continue;
            }
            Outcome outcome = OUTCOMES.get(input.file());
            assertThat(outcome).as(input.file()).isNotNull();
            List<String> allowed = switch (input.expected()) {
                case "reject" -> List.of("reject");
                case "accept", "accept-redact" -> List.of("accept");
                case "reject-or-flag" -> List.of("reject", "flag");
                case "reject-or-ignore", "reject-or-empty", "reject-or-accept-bounded" -> List.of("reject", "accept");
                default -> List.of();
            };
            assertThat(allowed).as(input + ": chosen " + outcome.kind()).contains(outcome.kind());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badXmlFiles")
    @DisplayName("each bad/ file gets its outcome through every entry point, with no secret in any message")
    void handledAsTheReadmeSays(Corpus.BadInput input) throws IOException {
        Outcome outcome = OUTCOMES.get(input.file());
        byte[] bytes = Files.readAllBytes(input.path());
        if (outcome.kind().equals("reject")) {
            for (Runnable entry : List.<Runnable>of(() -> parser.parse(input.path()), () -> parser.parse(bytes),
                    () -> parser.parse(new ByteArrayInputStream(bytes)))) {
                assertThatThrownBy(entry::run).isInstanceOfSatisfying(DomainXmlException.class, e -> {
                    assertThat(e.reason()).isEqualTo(outcome.reason());
                    if (outcome.field() != null) {
                        assertThat(e.field()).isEqualTo(outcome.field());
                    }
                    if (outcome.reason() == Reason.SYNTAX || outcome.reason() == Reason.ENCODING) {
                        assertThat(e.line()).as("line").isPositive();
                        assertThat(e.column()).as("column").isPositive();
                        assertThat(e.getMessage()).contains("line " + e.line());
                    }
                    assertThat(e.getMessage()).isNotBlank().doesNotContain("SENTINEL-").doesNotContain("\uFFFD");
                });
            }
            return;
        }
        for (InstanceDescriptor descriptor : List.of(parser.parse(input.path()), parser.parse(bytes),
                parser.parse(new ByteArrayInputStream(bytes)))) {
            outcome.accepted().accept(descriptor);
            assertThat(descriptor.toString()).doesNotContain("SENTINEL-").doesNotContain("\uFFFD");
        }
    }

    @Test
    @DisplayName("a Latin-1 document decodes its accented characters; the UTF-16 one reads like the UTF-8 one")
    void declaredEncodingsDecode() throws IOException {
        byte[] latin1 = Files.readAllBytes(Corpus.bad("latin1-declared.xml").path());
        assertThat(parser.readModel(latin1).description()).isEqualTo("Serveur de test été à Zürich");
        assertThat(parser.parse(Corpus.bad("utf16le-bom.xml").path()))
                .isEqualTo(parser.parse(Corpus.root().resolve("bad/utf8-bom.xml")));
    }

    @Test
    @DisplayName("comments, processing instructions and CDATA do not change the text")
    void cdataAndComments() throws IOException {
        String xml = Files.readString(Corpus.bad("comments-cdata-pi.xml").path());
        assertThat(parser.readModel(xml).names()).containsExactly("cdata-name");
        assertThat(parser.readModel(xml).description()).isEqualTo("Described with <markup> & ampersands");
    }

    @Test
    @DisplayName("an XInclude element is inert: the description never holds the referenced file")
    void xincludeIsInert() throws IOException {
        String description = parser.readModel(Files.readAllBytes(Corpus.bad("xinclude.xml").path())).description();
        assertThat(description == null ? "" : description).isBlank();
    }

    @Test
    @DisplayName("invalid UTF-8 is an encoding error at the offending line, never replaced by U+FFFD")
    void invalidUtf8() throws IOException {
        byte[] bytes = Files.readAllBytes(Corpus.bad("non-utf8-bytes.xml").path());
        assertThatThrownBy(() -> parser.parse(bytes)).isInstanceOfSatisfying(DomainXmlException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.ENCODING);
            assertThat(e.getMessage()).contains("UTF-8");
        });
    }

    @Test
    @DisplayName("invalid UTF-8 in a document given as bytes is placed at the line and column of the byte")
    void invalidUtf8Placed() throws IOException {
        byte[] bytes = Files.readAllBytes(Corpus.bad("non-utf8-bytes.xml").path());
        DomainXmlException whole = catchThrowableOfType(() -> parser.parse(bytes), DomainXmlException.class);
        assertThat(whole.reason()).isEqualTo(Reason.ENCODING);
        int badLine = 1 + (int) new String(bytes, StandardCharsets.ISO_8859_1)
                .substring(0, firstNonUtf8Byte(bytes)).chars().filter(c -> c == '\n').count();
        assertThat(whole.line()).isEqualTo(badLine);
        byte[] crlf = "<domain type='kvm'>\r\n<name>a\r\n\u00e9\u00e9 b</name>\r\n</domain>"
                .getBytes(StandardCharsets.UTF_8);
        crlf[crlf.length - 19] = (byte) 0xFF; // the "b": line 3, after "éé " (two 2-byte characters)
        assertThatThrownBy(() -> parser.parse(crlf)).isInstanceOfSatisfying(DomainXmlException.class, e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.column()).isEqualTo(4);
        });
    }

    /** The offset of the first byte that starts no valid UTF-8 sequence. */
    private static int firstNonUtf8Byte(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder();
        var in = ByteBuffer.wrap(bytes);
        decoder.decode(in, CharBuffer.allocate(bytes.length), true);
        return in.position();
    }

    @Test
    @DisplayName("a wrong root names the element found")
    void wrongRootNamesTheElement() {
        assertThatThrownBy(() -> parser.parse(Corpus.bad("wrong-root-network.xml").path()))
                .hasMessageContaining("<network>").hasMessageContaining("<domain>");
        assertThatThrownBy(() -> parser.parse(Corpus.bad("wrong-root-namespaced.xml").path()))
                .hasMessageContaining("namespace");
    }

    @Test
    @DisplayName("a string holding the document gives the same errors as its bytes")
    void stringEntryPoint() throws IOException {
        for (String file : List.of("billion-laughs.xml", "truncated.xml", "wrong-root-network.xml",
                "deeply-nested-metadata.xml", "missing-name.xml")) {
            String xml = Files.readString(Corpus.bad(file).path());
            Reason expected = OUTCOMES.get(file).reason();
            assertThatThrownBy(() -> parser.parse(xml)).as(file)
                    .isInstanceOfSatisfying(DomainXmlException.class, e -> assertThat(e.reason()).isEqualTo(expected));
        }
        assertThatThrownBy(() -> parser.parse("")).isInstanceOfSatisfying(DomainXmlException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.EMPTY));
        assertThatThrownBy(() -> parser.parse(" \n\t ")).isInstanceOfSatisfying(DomainXmlException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.EMPTY));
        assertThat(parser.parse(Files.readString(Corpus.bad("utf8-bom.xml").path())).name())
                .isEqualTo("bad-input-sample");
    }

    @Test
    @DisplayName("a missing file is a typed error naming the file")
    void missingFile() {
        assertThatThrownBy(() -> parser.parse(Corpus.root().resolve("bad/does-not-exist.xml")))
                .isInstanceOfSatisfying(DomainXmlException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.IO);
                    assertThat(e.getMessage()).contains("does-not-exist.xml");
                });
    }

    @Test
    @DisplayName("nothing is fetched for an external entity or DTD")
    @SuppressWarnings("try") // each accepted connection is only counted, then closed
    void noNetworkAccess() throws Exception {
        var requests = new java.util.concurrent.atomic.AtomicInteger();
        try (var server = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread listener = new Thread(() -> {
                while (!server.isClosed()) {
                    try (var connection = server.accept()) {
                        requests.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            listener.setDaemon(true);
            listener.start();
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/x";
            String generalEntity = "<!DOCTYPE domain [<!ENTITY x SYSTEM '" + url + "'>]>"
                    + "<domain type='kvm'><name>&x;</name></domain>";
            String externalDtd = "<!DOCTYPE domain SYSTEM '" + url + "'><domain type='kvm'><name>a</name></domain>";
            String parameterEntity = "<!DOCTYPE domain [<!ENTITY % p SYSTEM '" + url + "'> %p;]>"
                    + "<domain type='kvm'><name>a</name></domain>";
            for (String xml : List.of(generalEntity, externalDtd, parameterEntity)) {
                assertThatThrownBy(() -> parser.parse(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .isInstanceOfSatisfying(DomainXmlException.class,
                                e -> assertThat(e.reason()).isEqualTo(Reason.DOCTYPE_FORBIDDEN));
            }
        }
        assertThat(requests).hasValue(0);
    }

    @Test
    @DisplayName("the README's rule is restated for every outcome kind actually used")
    void outcomeKindsAreKnown() {
        OUTCOMES.forEach((file, outcome) -> {
            if (!List.of("reject", "accept", "flag").contains(outcome.kind())) {
                fail(file + " has unknown outcome " + outcome.kind());
            }
        });
    }
}
