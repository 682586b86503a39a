package dev.unmanaged.kvm.xml;

import dev.unmanaged.api.instance.MemoryDescriptor;
import dev.unmanaged.kvm.xml.DomainXmlException.Reason;
import dev.unmanaged.kvm.xml.model.DomainXml;
import dev.unmanaged.kvm.xml.model.NumaCellXml;
import dev.unmanaged.kvm.xml.model.ScaledValueXml;

import java.util.List;

/**
 * {@code <memory>} and {@code <currentMemory>} with libvirt's rules: KiB unless a unit is written; without
 * {@code <memory>} (or with 0) the sum of the guest NUMA cells; a current size that is absent, 0 or above the
 * maximum is the maximum (libvirt adjusts it the same way when defining the domain).
 */
final class MemoryMapping {
    private static final String DEFAULT_UNIT = "KiB";

    private MemoryMapping() {
    }

    static MemoryDescriptor map(DomainXml domain) {
        Long max = single("<memory>", domain.memories());
        if (max == null || max == 0) {
            long numa = numaTotal(domain);
            if (numa > 0) {
                max = numa;
            } else if (max == null) {
                throw new DomainXmlException(Reason.MISSING_ELEMENT, "<memory>", null,
                        "the domain's memory size (or guest NUMA cells with memory)");
            } else {
                throw Values.invalid("<memory>", domain.memories().get(0).value().strip(), "a size above zero");
            }
        }
        Long current = single("<currentMemory>", domain.currentMemories());
        if (current == null || current == 0 || current > max) {
            current = max;
        }
        return new MemoryDescriptor(max, current);
    }

    private static Long single(String field, List<ScaledValueXml> elements) {
        if (elements.isEmpty()) {
            return null;
        }
        if (elements.size() > 1) {
            throw new DomainXmlException(Reason.DUPLICATE_ELEMENT, field, elements.size() + " elements",
                    "at most one " + field);
        }
        ScaledValueXml element = elements.get(0);
        return ScaledSize.bytes(field, element.value(), element.unit(), DEFAULT_UNIT);
    }

    private static long numaTotal(DomainXml domain) {
        if (domain.cpu() == null || domain.cpu().numa() == null) {
            return 0;
        }
        long total = 0;
        for (NumaCellXml cell : domain.cpu().numa().cells()) {
            Long bytes = ScaledSize.bytes("<cpu><numa><cell memory>", cell.memory(), cell.unit(), DEFAULT_UNIT);
            if (bytes != null) {
                try {
                    total = Math.addExact(total, bytes);
                } catch (ArithmeticException e) {
                    throw Values.invalid("<cpu><numa><cell memory>", cell.memory(),
                            "cells whose sizes add up to at most " + Long.MAX_VALUE + " bytes");
                }
            }
        }
        return total;
    }
}
