package dev.unmanaged.kvm.xml;

import dev.unmanaged.kvm.xml.model.PciAddressXml;

import java.util.Locale;

/** Formats a PCI address element the way hosts print it: {@code dddd:bb:ss.f}. */
final class PciAddresses {
    private PciAddresses() {
    }

    static String format(PciAddressXml address) {
        if (address == null || address.bus() == null || address.slot() == null) {
            return null;
        }
        return String.format(Locale.ROOT, "%s:%s:%s.%s", hex(address.domain(), 4), hex(address.bus(), 2),
                hex(address.slot(), 2), hex(address.function(), 1));
    }

    private static String hex(String value, int width) {
        String digits = value == null ? "0" : value.strip().toLowerCase(Locale.ROOT);
        if (digits.startsWith("0x")) {
            digits = digits.substring(2);
        }
        StringBuilder padded = new StringBuilder(digits);
        while (padded.length() < width) {
            padded.insert(0, '0');
        }
        return padded.toString();
    }
}
