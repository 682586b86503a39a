package dev.unmanaged.kvm.xml;

import dev.unmanaged.api.instance.FirmwareState;
import dev.unmanaged.api.instance.HostDeviceDescriptor;
import dev.unmanaged.api.instance.TpmDescriptor;
import dev.unmanaged.kvm.xml.model.HostdevAddressXml;
import dev.unmanaged.kvm.xml.model.HostdevSourceXml;
import dev.unmanaged.kvm.xml.model.HostdevXml;
import dev.unmanaged.kvm.xml.model.OsXml;
import dev.unmanaged.kvm.xml.model.TpmBackendXml;
import dev.unmanaged.kvm.xml.model.TpmXml;

import java.util.List;
import java.util.Locale;

/**
 * What a domain keeps on its host besides its disks, as its definition names it: the firmware image and UEFI
 * variable store of {@code <os>}, a {@code <tpm>} and the {@code <hostdev>} devices passed through.
 */
final class HostStateMapping {
    private HostStateMapping() {
    }

    /** The loader, the variable store and the first TPM; {@link FirmwareState#NONE} when none is written. */
    static FirmwareState firmwareState(OsXml os, List<TpmXml> tpms) {
        String loader = os == null || os.loader() == null ? null : Values.text(os.loader().path());
        String nvram = os == null || os.nvram() == null ? null : Values.text(os.nvram().path());
        String template = os == null || os.nvram() == null ? null : Values.text(os.nvram().template());
        TpmDescriptor tpm = tpms.isEmpty() ? null : tpm(tpms.get(0));
        if (loader == null && nvram == null && template == null && tpm == null) {
            return FirmwareState.NONE;
        }
        return new FirmwareState(loader, nvram, template, tpm);
    }

    private static TpmDescriptor tpm(TpmXml tpm) {
        TpmBackendXml backend = tpm.backend();
        String type = backend == null ? null : Values.text(backend.type());
        String statePath = null;
        if (backend != null && backend.device() != null) {
            statePath = Values.text(backend.device().path());
        } else if (backend != null && backend.source() != null) {
            statePath = Values.text(backend.source().path());
        }
        return new TpmDescriptor(Values.text(tpm.model()), type == null ? "unknown" : type,
                backend == null ? null : Values.text(backend.version()), statePath);
    }

    static HostDeviceDescriptor hostDevice(HostdevXml hostdev) {
        String type = Values.text(hostdev.type());
        String kind = type == null ? "unknown" : type;
        String address = address(kind, hostdev.source());
        return new HostDeviceDescriptor(kind, address == null ? "" : address,
                Boolean.TRUE.equals(Values.yesNo(hostdev.managed())));
    }

    private static String address(String type, HostdevSourceXml source) {
        if (source == null) {
            return null;
        }
        HostdevAddressXml address = source.address();
        return switch (type) {
            case "pci" -> PciAddresses.format(address);
            case "mdev" -> address == null ? null : Values.text(address.uuid());
            case "usb" -> usb(source, address);
            case "scsi" -> scsi(source, address);
            default -> null;
        };
    }

    private static String usb(HostdevSourceXml source, HostdevAddressXml address) {
        if (source.vendor() != null && source.product() != null) {
            return hex4(source.vendor().id()) + ":" + hex4(source.product().id());
        }
        if (address != null && address.bus() != null && address.device() != null) {
            return "bus " + Values.text(address.bus()) + " device " + Values.text(address.device());
        }
        return null;
    }

    private static String scsi(HostdevSourceXml source, HostdevAddressXml address) {
        String adapter = source.adapter() == null ? null : Values.text(source.adapter().name());
        if (adapter == null || address == null) {
            return adapter;
        }
        return adapter + ":" + Values.text(address.bus()) + ":" + Values.text(address.target()) + ":"
                + Values.text(address.unit());
    }

    /** A USB id as hosts print it ({@code 046d}), from libvirt's {@code 0x046d}. */
    private static String hex4(String raw) {
        String id = Values.text(raw);
        if (id == null) {
            return "?";
        }
        return (id.startsWith("0x") || id.startsWith("0X") ? id.substring(2) : id).toLowerCase(Locale.ROOT);
    }
}
