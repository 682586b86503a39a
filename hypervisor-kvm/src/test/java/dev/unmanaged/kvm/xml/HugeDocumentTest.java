package dev.unmanaged.kvm.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unmanaged.kvm.xml.DomainXmlException.Reason;
import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 50 MB inputs of bad/huge-50mb.GENERATOR.md, generated in a temporary directory: refused with a size
 * error after reading no more than the limit, never loaded whole.
 */
class HugeDocumentTest {
    private static final long LIMIT = 16L * 1024 * 1024;
    private static final String HEADER = "<domain type='kvm'><name>huge</name>"
            + "<uuid>6f1c3c1e-2d7b-4a47-9c55-0b1c6f2a9e01</uuid>"
            + "<memory unit='KiB'>1048576</memory><vcpu>1</vcpu><os><type>hvm</type></os>";

    @TempDir
    static Path dir;
    private static Path oneTextNode;
    private static Path manyDisks;

    private final DomainXmlParser parser = DomainXmlParser.shared();

    @BeforeAll
    static void generate() throws IOException {
        oneTextNode = dir.resolve("huge-50mb.xml");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(oneTextNode))) {
            out.write((HEADER + "<description>").getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[1024 * 1024];
            Arrays.fill(block, (byte) 'A');
            for (int i = 0; i < 50; i++) {
                out.write(block);
            }
            out.write("</description><devices/></domain>".getBytes(StandardCharsets.US_ASCII));
        }
        manyDisks = dir.resolve("huge-50mb-disks.xml");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(manyDisks))) {
            out.write((HEADER + "<devices>").getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 200_000; i++) {
                String n = String.format(Locale.ROOT, "%06d", i);
                out.write(("<disk type='file' device='disk'><source file='/d/" + n + ".img'/><target dev='vd" + n
                        + "' bus='virtio'/></disk>").getBytes(StandardCharsets.US_ASCII));
            }
            out.write("</devices></domain>".getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Test
    @DisplayName("the generated files are about 50 MB")
    void generatedSizes() throws IOException {
        assertThat(Files.size(oneTextNode)).isGreaterThan(50L * 1024 * 1024);
        assertThat(Files.size(manyDisks)).isGreaterThan(15L * 1024 * 1024);
    }

    @Test
    @DisplayName("a file above the limit is refused from its size, without reading it")
    void fileRefusedBySize() {
        for (Path file : new Path[]{oneTextNode, manyDisks}) {
            assertThatThrownBy(() -> parser.parse(file)).isInstanceOfSatisfying(DomainXmlException.class, e -> {
                assertThat(e.reason()).isEqualTo(Reason.LIMIT_EXCEEDED);
                assertThat(e.field()).isEqualTo("document size");
                assertThat(e.getMessage()).contains(String.valueOf(LIMIT));
            });
        }
    }

    @Test
    @DisplayName("a stream is refused after reading at most the limit (plus one buffer)")
    void streamStopsAtTheLimit() throws IOException {
        for (Path file : new Path[]{oneTextNode, manyDisks}) {
            try (CountingStream in = new CountingStream(Files.newInputStream(file))) {
                assertThatThrownBy(() -> parser.parse(in)).isInstanceOfSatisfying(DomainXmlException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.LIMIT_EXCEEDED));
                assertThat(in.count).isLessThanOrEqualTo(LIMIT + 64 * 1024);
            }
        }
    }

    @Test
    @DisplayName("an endless stream is refused: nothing waits for the end of the input")
    void endlessStream() {
        InputStream endless = new InputStream() {
            private final byte[] header = (HEADER + "<description>").getBytes(StandardCharsets.US_ASCII);
            private int position;

            @Override
            public int read() {
                return position < header.length ? header[position++] : 'A';
            }
        };
        assertThatThrownBy(() -> parser.parse(endless)).isInstanceOfSatisfying(DomainXmlException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.LIMIT_EXCEEDED));
    }

    @Test
    @DisplayName("a 50 MB byte array is refused at once")
    void byteArray() throws IOException {
        byte[] bytes = Files.readAllBytes(oneTextNode);
        assertThatThrownBy(() -> parser.parse(bytes)).isInstanceOfSatisfying(DomainXmlException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.LIMIT_EXCEEDED));
    }

    @Test
    @DisplayName("a large document below the limit still parses: 20,000 disks in about 2 MB")
    void belowTheLimitParses() {
        StringBuilder xml = new StringBuilder(HEADER).append("<devices>");
        for (int i = 0; i < 20_000; i++) {
            xml.append("<disk type='file' device='disk'><source file='/d/").append(i)
                    .append(".img'/><target dev='vd").append(i).append("' bus='virtio'/></disk>");
        }
        xml.append("</devices></domain>");
        assertThat(parser.parse(xml.toString()).disks()).hasSize(20_000);
    }

    @Test
    // Guards against a hang, not a speed test: BigInteger needs about an hour to convert 15 million digits.
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @DisplayName("a <memory> of 15 million digits, below the size limit, is refused as too large without converting it")
    void hugeNumberRefusedUnconverted() {
        String digits = "0".repeat(1_000) + "9".repeat(15_000_000);
        assertThatThrownBy(() -> parser.parse("<domain><name>a</name><memory>" + digits + "</memory></domain>"))
                .isInstanceOfSatisfying(DomainXmlException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INVALID_VALUE);
                    assertThat(e.field()).isEqualTo("<memory>");
                    assertThat(e.getMessage()).hasSizeLessThan(300)
                            .endsWith("expected a size of at most " + Long.MAX_VALUE + " bytes");
                });
    }

    @Test
    @DisplayName("leading zeros do not count against the size: 25 digits of which 19 significant fit")
    void leadingZerosAreNotSignificant() {
        long bytes = parser.parse("<domain><name>a</name><memory unit='b'>0000009223372036854775807</memory>"
                + "</domain>").memory().maxBytes();
        assertThat(bytes).isEqualTo(Long.MAX_VALUE);
    }

    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
