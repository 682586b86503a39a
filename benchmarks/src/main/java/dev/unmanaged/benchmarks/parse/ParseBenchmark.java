package dev.unmanaged.benchmarks.parse;

import dev.unmanaged.api.error.UnmanagedException;
import dev.unmanaged.kvm.xml.DomainXmlParser;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parse throughput over the whole shared corpus. One operation is one pass over every document that all three
 * readers accept (a document only our parser refuses, e.g. for an invalid value, would make the comparison
 * unfair either way, so it is left out of every reader's pass; {@link #setUp} says how many).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ParseBenchmark {
    /** Documents per pass; 0 means the whole corpus. A smoke run uses a handful. */
    @Param("0")
    public int corpusLimit;

    private final DomainXmlParser ours = DomainXmlParser.shared();
    private final DomFieldWalker dom = new DomFieldWalker();
    private final StaxEventPass stax = new StaxEventPass();
    private byte[][] documents;

    @Setup(Level.Trial)
    public void setUp() {
        CorpusDocuments corpus = CorpusDocuments.load();
        List<byte[]> accepted = new ArrayList<>();
        for (byte[] document : corpus.documents()) {
            if (acceptedByAll(document)) {
                accepted.add(document);
            }
            if (corpusLimit > 0 && accepted.size() == corpusLimit) {
                break;
            }
        }
        documents = accepted.toArray(byte[][]::new);
        if (corpusLimit == 0) {
            System.out.printf("# corpus: %d documents, %d accepted by all readers%n",
                    corpus.documents().size(), documents.length);
        }
    }

    /** The documents of one pass. */
    public int documentCount() {
        return documents.length;
    }

    private boolean acceptedByAll(byte[] document) {
        try {
            ours.parse(document);
            dom.read(document);
            stax.count(document);
            return true;
        } catch (UnmanagedException | IllegalArgumentException e) {
            return false;
        }
    }

    /** One pass of ours outside JMH; returns the disks read, so that the work cannot be optimised away. */
    long oursPass() {
        long disks = 0;
        for (byte[] document : documents) {
            disks += ours.parse(document).disks().size();
        }
        return disks;
    }

    /** One pass of the floor outside JMH; returns the events read. */
    long floorPass() {
        long events = 0;
        for (byte[] document : documents) {
            events += stax.count(document);
        }
        return events;
    }

    /** One pass of the peer's way outside JMH; returns the disks read. */
    long peerPass() {
        long disks = 0;
        for (byte[] document : documents) {
            disks += DomFieldWalker.readWithNewFactory(document).disks().size();
        }
        return disks;
    }

    /** Our parser: hardened StAX, JAXB binding, mapping to descriptors with libvirt's rules. */
    @Benchmark
    public void ours(Blackhole sink) {
        for (byte[] document : documents) {
            sink.consume(ours.parse(document));
        }
    }

    /** The peers' approach with a reused builder: hardened DOM parse and a walk of the same fields. */
    @Benchmark
    public void domReusedBuilder(Blackhole sink) {
        for (byte[] document : documents) {
            sink.consume(dom.read(document));
        }
    }

    /** The peers' approach exactly: a new hardened factory per document, then the same walk. */
    @Benchmark
    public void domNewFactoryPerDocument(Blackhole sink) {
        for (byte[] document : documents) {
            sink.consume(DomFieldWalker.readWithNewFactory(document));
        }
    }

    /** The floor: a bare StAX pass that reads every event. */
    @Benchmark
    public void staxFloor(Blackhole sink) {
        for (byte[] document : documents) {
            sink.consume(stax.count(document));
        }
    }
}
