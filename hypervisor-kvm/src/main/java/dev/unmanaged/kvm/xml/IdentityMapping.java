package dev.unmanaged.kvm.xml;

import dev.unmanaged.api.instance.DescriptorWarning;
import dev.unmanaged.api.instance.WarningCodes;
import dev.unmanaged.kvm.xml.DomainXmlException.Reason;
import dev.unmanaged.kvm.xml.model.DomainXml;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The domain's {@code <name>} and {@code <uuid>}: both must appear at most once; a name is mandatory. */
final class IdentityMapping {
    private IdentityMapping() {
    }

    static String name(DomainXml domain) {
        List<String> names = domain.names();
        if (names.isEmpty()) {
            throw new DomainXmlException(Reason.MISSING_ELEMENT, "<name>", null, "the domain name (mandatory)");
        }
        if (names.size() > 1) {
            throw new DomainXmlException(Reason.DUPLICATE_ELEMENT, "<name>", String.join(", ", names),
                    "exactly one <name>");
        }
        String name = names.get(0);
        if (name == null || name.isBlank()) {
            throw Values.invalid("<name>", name, "a non-empty domain name");
        }
        return name;
    }

    /** The UUID, or null (with a blocking warning) when the document has none: one is never invented. */
    static UUID uuid(DomainXml domain, List<DescriptorWarning> warnings) {
        List<String> uuids = domain.uuids();
        if (uuids.isEmpty()) {
            warnings.add(DescriptorWarning.blocking(WarningCodes.UUID_MISSING,
                    "the definition has no <uuid>; libvirt would generate one when defining it, so the instance "
                            + "has no stable identity yet"));
            return null;
        }
        if (uuids.size() > 1) {
            throw new DomainXmlException(Reason.DUPLICATE_ELEMENT, "<uuid>", String.join(", ", uuids),
                    "exactly one <uuid>");
        }
        return parseUuid(uuids.get(0));
    }

    /** libvirt's UUID syntax: 32 hex digits, optionally with '-' between byte pairs, surrounding blanks allowed. */
    static UUID parseUuid(String raw) {
        String value = raw == null ? "" : raw.strip();
        StringBuilder hex = new StringBuilder(32);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '-' && hex.length() % 2 == 0 && hex.length() > 0 && hex.length() < 32) {
                continue;
            }
            if (Character.digit(c, 16) < 0 || hex.length() == 32) {
                throw badUuid(value);
            }
            hex.append(c);
        }
        if (hex.length() != 32) {
            throw badUuid(value);
        }
        String h = hex.toString().toLowerCase(Locale.ROOT);
        return UUID.fromString(h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-"
                + h.substring(16, 20) + "-" + h.substring(20));
    }

    private static DomainXmlException badUuid(String value) {
        return Values.invalid("<uuid>", value,
                "a UUID of 32 hexadecimal digits, e.g. 6f1c3c1e-2d7b-4a47-9c55-0b1c6f2a9e01");
    }
}
