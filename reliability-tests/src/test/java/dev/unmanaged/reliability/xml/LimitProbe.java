package dev.unmanaged.reliability.xml;

import dev.unmanaged.api.error.InvalidDefinitionException;
import dev.unmanaged.kvm.xml.DomainXmlException;
import dev.unmanaged.kvm.xml.DomainXmlParser;
import java.nio.file.Path;

/**
 * One oversized document parsed in a JVM of its own (see {@link DocumentLimitsTest}): the child's small heap
 * bounds the parse's peak memory, since the JVM runs with {@code -XX:+ExitOnOutOfMemoryError} and so exits (code
 * 3) as soon as any allocation does not fit. Prints one line: {@code outcome=parsed|refused reason=... read=N
 * total=N millis=N}.
 */
public final class LimitProbe {
    static final String HEADER = "<domain type='kvm'><name>huge</name>"
            + "<uuid>6f1c3c1e-2d7b-4a47-9c55-0b1c6f2a9e01</uuid><memory unit='KiB'>1048576</memory><vcpu>1</vcpu>"
            + "<os><type>hvm</type></os>";
    static final long FIFTY_MB = 50L * 1024 * 1024;

    private LimitProbe() {
    }

    /** A stream of 500,000 disks, just over 50 MB, generated as it is read. */
    static GeneratedDocument streamOfDisks() {
        return new GeneratedDocument(HEADER + "<devices>", i -> "<disk type='file' device='disk'>"
                + "<source file='/d/" + String.format("%06d", i) + ".img'/><target dev='vd" + String.format("%06d", i)
                + "' bus='virtio'/></disk>", 500_000, "</devices></domain>");
    }

    /** {@code file PATH}, {@code stream} or {@code string}. */
    public static void main(String[] args) {
        DomainXmlParser parser = DomainXmlParser.shared();
        GeneratedDocument stream = streamOfDisks();
        String document = args[0].equals("string")
                ? HEADER + "<description>" + "A".repeat((int) FIFTY_MB) + "</description></domain>" : null;
        long started = System.nanoTime();
        String outcome;
        try {
            switch (args[0]) {
                case "file" -> parser.parse(Path.of(args[1]));
                case "stream" -> parser.parse(stream);
                case "string" -> parser.parse(document);
                default -> throw new IllegalArgumentException("unknown case " + args[0]);
            }
            outcome = "outcome=parsed reason=-";
        } catch (InvalidDefinitionException e) {
            outcome = "outcome=refused reason=" + (e instanceof DomainXmlException d ? d.reason() : "untyped");
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println(outcome + " read=" + stream.delivered() + " total=" + stream.totalLength()
                + " millis=" + millis);
    }
}
