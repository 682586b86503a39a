package dev.unmanaged.reliability.xml;

import dev.unmanaged.api.error.InvalidDefinitionException;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.kvm.xml.DomainXmlParser;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What the domain XML parser must do with any input whatsoever: return a descriptor, or refuse with the typed
 * {@link InvalidDefinitionException} (the parser's {@code DomainXmlException}) whose message names a field.
 * Anything else that escapes — a {@link NullPointerException}, a JAXB or StAX exception, a
 * {@link StackOverflowError}, an {@link OutOfMemoryError} — is a bug, and the fuzzer reports it as a finding.
 */
final class ParserOracle {
    private static final DomainXmlParser PARSER = DomainXmlParser.shared();

    private ParserOracle() {
    }

    /** Checks the encoded form and, decoded as UTF-8, the string form of {@code document}. */
    static void check(byte[] document) {
        checkOutcome(() -> PARSER.parse(document));
        checkOutcome(() -> PARSER.parse(new String(document, StandardCharsets.UTF_8)));
    }

    private static void checkOutcome(java.util.function.Supplier<InstanceDescriptor> parse) {
        InstanceDescriptor descriptor;
        try {
            descriptor = parse.get();
        } catch (InvalidDefinitionException refused) {
            if (refused.field() == null || refused.getMessage() == null || refused.expected() == null) {
                throw new AssertionError("a refusal must name the field and what was expected: " + refused, refused);
            }
            return;
        }
        // A parsed document keeps the record invariants: a name, CPU and memory, never-null collections.
        Objects.requireNonNull(descriptor.name(), "name");
        if (descriptor.cpu().vcpus() < 1 || descriptor.memory().maxBytes() < 0) {
            throw new AssertionError("impossible descriptor values: " + descriptor.cpu() + ", " + descriptor.memory());
        }
        descriptor.disks().size();
        descriptor.nics().size();
        descriptor.toString();
    }
}
