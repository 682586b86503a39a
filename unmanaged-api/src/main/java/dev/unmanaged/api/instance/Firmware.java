package dev.unmanaged.api.instance;

/** The firmware an instance boots with. */
public enum Firmware {
    /** Legacy BIOS (SeaBIOS on KVM). */
    BIOS,
    /** UEFI (OVMF on KVM). */
    EFI
}
