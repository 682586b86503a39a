package dev.unmanaged.kvm.xml;

import dev.unmanaged.api.instance.DescriptorWarning;
import dev.unmanaged.api.instance.Firmware;
import dev.unmanaged.api.instance.OsDescriptor;
import dev.unmanaged.api.instance.WarningCodes;
import dev.unmanaged.kvm.xml.model.BootDeviceXml;
import dev.unmanaged.kvm.xml.model.FirmwareFeatureXml;
import dev.unmanaged.kvm.xml.model.LoaderXml;
import dev.unmanaged.kvm.xml.model.OsXml;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code <os>}: type, arch, machine, firmware and boot devices. Firmware comes from {@code <os firmware>}
 * when written, else from the {@code <loader>}: a pflash loader or an OVMF/AAVMF/edk2 image is UEFI, a
 * SeaBIOS image is BIOS. Secure boot comes from {@code <loader secure>} or the {@code secure-boot} firmware
 * feature. What the document does not say stays null.
 */
final class OsMapping {
    private static final List<String> EFI_IMAGE_HINTS = List.of("ovmf", "aavmf", "edk2", "qemu_efi", "efi");
    private static final List<String> BIOS_IMAGE_HINTS = List.of("seabios", "bios.bin", "bios-256k");

    private OsMapping() {
    }

    static OsDescriptor map(OsXml os, List<DescriptorWarning> warnings) {
        if (os == null) {
            return new OsDescriptor(null, null, null, null, null, List.of());
        }
        String type = os.type() == null ? null : Values.text(os.type().value());
        String arch = os.type() == null ? null : Values.text(os.type().arch());
        String machine = os.type() == null ? null : Values.text(os.type().machine());
        List<String> boot = os.boot().stream().map(BootDeviceXml::dev).map(Values::text).filter(Objects::nonNull)
                .toList();
        return new OsDescriptor(type, arch, machine, firmware(os, warnings), secureBoot(os), boot);
    }

    private static Firmware firmware(OsXml os, List<DescriptorWarning> warnings) {
        String declared = Values.text(os.firmware());
        if (declared != null) {
            switch (declared.toLowerCase(Locale.ROOT)) {
                case "efi":
                    return Firmware.EFI;
                case "bios":
                    return Firmware.BIOS;
                default:
                    warnings.add(DescriptorWarning.info(WarningCodes.UNMODELLED,
                            "<os firmware> value '" + declared + "' is neither efi nor bios; firmware left unknown"));
                    return null;
            }
        }
        LoaderXml loader = os.loader();
        if (loader == null) {
            return null;
        }
        String path = Values.text(loader.path());
        String image = path == null ? "" : path.toLowerCase(Locale.ROOT);
        image = image.substring(image.lastIndexOf('/') + 1);
        if ("pflash".equals(Values.text(loader.type())) || EFI_IMAGE_HINTS.stream().anyMatch(image::contains)) {
            return Firmware.EFI;
        }
        if (BIOS_IMAGE_HINTS.stream().anyMatch(image::contains)) {
            return Firmware.BIOS;
        }
        return null;
    }

    private static Boolean secureBoot(OsXml os) {
        if (os.loader() != null) {
            Boolean secure = Values.yesNo(os.loader().secure());
            if (secure != null) {
                return secure;
            }
        }
        if (os.firmwareFeatures() != null) {
            for (FirmwareFeatureXml feature : os.firmwareFeatures().features()) {
                if ("secure-boot".equals(Values.text(feature.name()))) {
                    return Values.yesNo(feature.enabled());
                }
            }
        }
        return null;
    }
}
