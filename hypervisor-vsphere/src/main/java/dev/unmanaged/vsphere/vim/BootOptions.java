package dev.unmanaged.vsphere.vim;

import jakarta.xml.bind.annotation.XmlType;

/** {@code config.bootOptions}: only whether EFI secure boot is on. */
@XmlType(name = "VirtualMachineBootOptions")
public class BootOptions {
    public Boolean efiSecureBootEnabled;
}
