package dev.unmanaged.reliability.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.unmanaged.api.error.InvalidDefinitionException;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.kvm.xml.DomainXmlException;
import dev.unmanaged.kvm.xml.DomainXmlParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parser's limits hold against documents built to exhaust memory, the stack or time: each is either parsed
 * in bounded memory or refused with the typed error, within a generous hang guard. Heap in use is measured after
 * a GC before and after each parse; the figures are printed for docs/reliability.md.
 */
@DisplayName("Oversized documents are parsed in bounded memory or refused with the typed error")
class DocumentLimitsTest {
    private static final long MIB = 1024L * 1024L;
    private static final long FIFTY_MB = 50L * MIB;
    /**
     * Heap in use after a parse and a full GC, minus before: for the 50 MB inputs, anything below the input's
     * size shows it was neither held whole nor expanded into a model. The parser reads at most its 16 MiB cap,
     * and the collector does not always return all of a large, just-freed model at once, hence the margin.
     */
    private static final long HEAP_GROWTH_BOUND = 96 * MIB;
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);
    private static final String HEADER = "<domain type='kvm'><name>huge</name>"
            + "<uuid>6f1c3c1e-2d7b-4a47-9c55-0b1c6f2a9e01</uuid><memory unit='KiB'>1048576</memory><vcpu>1</vcpu>"
            + "<os><type>hvm</type></os>";

    private final DomainXmlParser parser = DomainXmlParser.shared();

    @Test
    @DisplayName("a 50 MB file of one giant text node is refused before it is read")
    void fiftyMegabyteTextFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("huge-50mb-text.xml");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write((HEADER + "<description>").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "A".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 50; i++) {
                out.write(chunk);
            }
            out.write("</description><devices/></domain>".getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(Files.size(file)).isGreaterThan(FIFTY_MB);

        Outcome outcome = measure("50 MB text file", () -> parser.parse(file));
        assertThat(outcome.error().reason()).isEqualTo(DomainXmlException.Reason.LIMIT_EXCEEDED);
        assertThat(outcome.heapGrowth()).isLessThan(HEAP_GROWTH_BOUND);
    }

    @Test
    @DisplayName("a 50 MB stream of 500,000 disks is read only up to the size limit, then refused")
    void fiftyMegabyteStreamOfDisks() {
        var stream = new GeneratedDocument(HEADER + "<devices>", i -> "<disk type='file' device='disk'>"
                + "<source file='/d/" + String.format("%06d", i) + ".img'/><target dev='vd" + String.format("%06d", i)
                + "' bus='virtio'/></disk>", 500_000, "</devices></domain>");
        assertThat(stream.totalLength()).isGreaterThan(FIFTY_MB);

        Outcome outcome = measure("50 MB stream of disks", () -> parser.parse(stream));
        assertThat(outcome.error().reason()).isEqualTo(DomainXmlException.Reason.LIMIT_EXCEEDED);
        assertThat(stream.delivered()).as("bytes read before refusing").isLessThan(stream.totalLength());
        assertThat(outcome.heapGrowth()).isLessThan(HEAP_GROWTH_BOUND);
    }

    @Test
    @DisplayName("a 50 MB document held in a string is refused by its length")
    void fiftyMegabyteString() {
        String document = HEADER + "<description>" + "A".repeat((int) FIFTY_MB) + "</description></domain>";
        Outcome outcome = measure("50 MB string", () -> parser.parse(document));
        assertThat(outcome.error().reason()).isEqualTo(DomainXmlException.Reason.LIMIT_EXCEEDED);
    }

    @Test
    @DisplayName("10,000 nested elements are refused by the depth limit or skipped without recursion")
    void tenThousandNestedElements() {
        String document = HEADER + "<metadata>" + "<x>".repeat(10_000) + "</x>".repeat(10_000)
                + "</metadata><devices/></domain>";
        Outcome outcome = measure("10,000 nested elements", () -> parser.parse(document));
        if (outcome.error() != null) {
            assertThat(outcome.error().reason()).isEqualTo(DomainXmlException.Reason.LIMIT_EXCEEDED);
        } else {
            assertThat(outcome.descriptor().name()).isEqualTo("huge");
        }
    }

    @Test
    @DisplayName("10,000 nested elements inside a device are refused or skipped, never a stack overflow")
    void tenThousandNestedElementsInADevice() {
        String document = HEADER + "<devices><disk type='file' device='disk'>" + "<x>".repeat(10_000)
                + "</x>".repeat(10_000) + "<target dev='vda'/></disk></devices></domain>";
        Outcome outcome = measure("10,000 nested elements in a disk", () -> parser.parse(document));
        if (outcome.error() != null) {
            assertThat(outcome.error().type()).isAssignableTo(InvalidDefinitionException.class);
        }
    }

    @Test
    @DisplayName("a 1 MB attribute value is kept whole or refused with the typed error")
    void oneMegabyteAttribute() {
        String path = "/var/lib/libvirt/images/" + "p".repeat(1 << 20) + ".qcow2";
        String document = HEADER + "<devices><disk type='file' device='disk'><source file='" + path + "'/>"
                + "<target dev='vda' bus='virtio'/></disk><interface type='bridge'><source bridge='"
                + "b".repeat(1 << 20) + "'/></interface></devices></domain>";
        Outcome outcome = measure("1 MB attribute values", () -> parser.parse(document));
        if (outcome.error() != null) {
            assertThat(outcome.error().type()).isAssignableTo(InvalidDefinitionException.class);
            assertThat(outcome.error().message()).hasSizeLessThan(1_000);
        } else {
            assertThat(outcome.descriptor().disks()).singleElement()
                    .satisfies(d -> assertThat(d.source()).isEqualTo(path));
            assertThat(outcome.descriptor().nics()).singleElement()
                    .satisfies(n -> assertThat(n.source()).hasSize(1 << 20));
        }
    }

    @Test
    @DisplayName("a 1 MB attribute value inside an invalid field is quoted shortened, not whole, in the error")
    void oneMegabyteInvalidValue() {
        String document = HEADER.replace("<vcpu>1</vcpu>", "<vcpu placement='" + "s".repeat(1 << 20) + "'>x</vcpu>");
        assertThatThrownBy(() -> parser.parse(document))
                .isInstanceOf(DomainXmlException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(1_000));
    }

    /** What a parse gave; a refusal is summarised so that the exception (and what it refers to) is not kept. */
    private record Outcome(InstanceDescriptor descriptor, Refusal error, long heapGrowth, Duration took) {
    }

    private record Refusal(Class<?> type, DomainXmlException.Reason reason, String message) {
    }

    private static Outcome measure(String what, Supplier<InstanceDescriptor> parse) {
        long before = usedHeapAfterGc();
        long started = System.nanoTime();
        Outcome outcome = assertTimeoutPreemptively(HANG_GUARD, () -> {
            try {
                InstanceDescriptor descriptor = parse.get();
                return new Outcome(descriptor, null, 0, null);
            } catch (InvalidDefinitionException e) {
                DomainXmlException.Reason reason = e instanceof DomainXmlException d ? d.reason() : null;
                return new Outcome(null, new Refusal(e.getClass(), reason, e.getMessage()), 0, null);
            }
        });
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        long growth = usedHeapAfterGc() - before;
        System.out.printf("limits: %-36s %-9s in %5d ms, retained heap growth %+d KiB%n", what,
                outcome.error() == null ? "parsed" : "refused", took.toMillis(), growth / 1024);
        return new Outcome(outcome.descriptor(), outcome.error(), growth, took);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** A document produced on the fly: never held in memory, and it counts what the parser consumed. */
    private static final class GeneratedDocument extends InputStream {
        private final byte[] header;
        private final java.util.function.IntFunction<String> element;
        private final int elements;
        private final byte[] footer;
        private final long totalLength;
        private byte[] current;
        private int position;
        private int next = -1;
        private long delivered;

        GeneratedDocument(String header, java.util.function.IntFunction<String> element, int elements, String footer) {
            this.header = header.getBytes(StandardCharsets.US_ASCII);
            this.element = element;
            this.elements = elements;
            this.footer = footer.getBytes(StandardCharsets.US_ASCII);
            this.totalLength = this.header.length + (long) element.apply(0).length() * elements + this.footer.length;
            this.current = this.header;
        }

        long totalLength() {
            return totalLength;
        }

        long delivered() {
            return delivered;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            while (current != null && position == current.length) {
                next++;
                current = next < elements ? element.apply(next).getBytes(StandardCharsets.US_ASCII)
                        : next == elements ? footer : null;
                position = 0;
            }
            if (current == null) {
                return -1;
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, n);
            position += n;
            delivered += n;
            return n;
        }
    }
}
