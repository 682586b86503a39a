package dev.unmanaged.kvm.xml;

import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.text.SafeText;
import dev.unmanaged.api.text.SecretRedaction;
import dev.unmanaged.kvm.xml.DomainXmlException.Reason;
import dev.unmanaged.kvm.xml.model.DomainXml;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns libvirt domain XML into an {@link InstanceDescriptor}. Thread-safe; use {@link #shared()}, which holds
 * the process's one JAXB context.
 *
 * <p>The document is read through a hardened StAX reader (no DTD, no entities, no external resources, at most
 * 16 MiB and 256 levels deep, root must be the un-namespaced {@code <domain>}) and mapped with libvirt's
 * semantics. Unknown elements, attributes, models, formats and device kinds are kept as strings or ignored;
 * no disk or interface is ever dropped. A present but invalid value fails with a {@link DomainXmlException}
 * naming the element, the value and what was expected; conflicts libvirt would refuse to define (duplicate
 * MAC, duplicate disk target, CPU topology not matching the vCPUs) and a missing UUID are kept and flagged
 * with a blocking warning. Graphics passwords are only ever "set"; they and other credentials never appear in
 * descriptors, messages or logs.
 *
 * <p>The descriptor describes the definition alone: hypervisor {@code kvm}, no host, power state
 * {@code UNKNOWN} and persistence {@code null}; a provider completes it with
 * {@link InstanceDescriptor#onHost}.
 */
public final class DomainXmlParser {
    private static final Logger LOG = LoggerFactory.getLogger(DomainXmlParser.class);
    private static final DomainXmlParser SHARED = new DomainXmlParser(ParserLimits.DEFAULT);

    private final ParserLimits limits;
    private final HardenedDomainBinder binder;

    private DomainXmlParser(ParserLimits limits) {
        this.limits = limits;
        this.binder = new HardenedDomainBinder(Context.INSTANCE, limits);
    }

    /** The parser with the default limits. */
    public static DomainXmlParser shared() {
        return SHARED;
    }

    /**
     * Parses a document held in a string (its XML declaration's encoding is irrelevant here).
     *
     * @throws DomainXmlException when the document is unsafe, malformed or holds an invalid value
     */
    public InstanceDescriptor parse(String xml) {
        Objects.requireNonNull(xml, "xml");
        return describe(() -> readModel(xml));
    }

    /**
     * Parses a document in its encoded form (UTF-8 unless a byte-order mark or the XML declaration says
     * otherwise).
     *
     * @throws DomainXmlException when the document is unsafe, malformed or holds an invalid value
     */
    public InstanceDescriptor parse(byte[] xml) {
        Objects.requireNonNull(xml, "xml");
        return describe(() -> readModel(xml));
    }

    /**
     * Parses a document read from {@code xml}, reading at most the size limit; the stream is not closed.
     *
     * @throws DomainXmlException when the document is unsafe, malformed or holds an invalid value
     */
    public InstanceDescriptor parse(InputStream xml) {
        Objects.requireNonNull(xml, "xml");
        return describe(() -> binder.read(xml));
    }

    /**
     * Parses the document in {@code file}; a file above the size limit is refused without being read.
     *
     * @throws DomainXmlException when the file cannot be read, or the document is unsafe, malformed or holds
     *                            an invalid value
     */
    public InstanceDescriptor parse(Path file) {
        Objects.requireNonNull(file, "file");
        return describe(() -> {
            try {
                requireSize(Files.size(file));
                try (InputStream in = Files.newInputStream(file)) {
                    return binder.read(in);
                }
            } catch (IOException e) {
                throw new DomainXmlException(Reason.IO, "file " + file, null, "a readable file (" + e + ")",
                        null, null, e);
            }
        });
    }

    /** Reads the bound model only; for checks of values the descriptor does not carry (e.g. the description). */
    DomainXml readModel(String xml) {
        requireSize(xml.length());
        // A string read from a file with a byte-order mark keeps it as U+FEFF; it is not content.
        String document = xml.startsWith("\uFEFF") ? xml.substring(1) : xml;
        return binder.read(new StringReader(document), !document.isBlank());
    }

    /** As {@link #readModel(String)}, for an encoded document. */
    DomainXml readModel(byte[] xml) {
        requireSize(xml.length);
        return binder.read(xml);
    }

    private interface ModelSource {
        DomainXml read();
    }

    private InstanceDescriptor describe(ModelSource source) {
        try {
            InstanceDescriptor descriptor = DomainMapper.map(source.read());
            if (LOG.isDebugEnabled()) {
                LOG.debug("Read domain '{}' ({}): {} disks, {} NICs, {} graphics, warnings {}",
                        SafeText.of(descriptor.name()), descriptor.uuid(), descriptor.disks().size(),
                        descriptor.nics().size(), descriptor.graphics().size(),
                        descriptor.warnings().stream().map(w -> w.code()).toList());
            }
            return descriptor;
        } catch (DomainXmlException e) {
            LOG.debug("Refused domain XML ({}): {}", e.reason(), SafeText.of(SecretRedaction.messageOf(e), 1_000));
            throw e;
        }
    }

    private void requireSize(long size) {
        if (size > limits.maxDocumentBytes()) {
            throw new DomainXmlException(Reason.LIMIT_EXCEEDED, "document size", size + " bytes",
                    "at most " + limits.maxDocumentBytes() + " bytes (" + (limits.maxDocumentBytes() >> 20) + " MiB)");
        }
    }

    /** The one JAXB context of the process, created on first use. */
    private static final class Context {
        static final JAXBContext INSTANCE = create();

        private static JAXBContext create() {
            try {
                return JAXBContext.newInstance(DomainXml.class);
            } catch (JAXBException e) {
                throw new IllegalStateException("the domain XML model cannot be bound", e);
            }
        }
    }
}
