package dev.unmanaged.kvm;

import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.libvirt.jna.Libvirt;

/**
 * Stops libvirt from printing every error to standard error. Without an error function of its own, libvirt
 * writes each error there ("libvirt: Test Driver error : ..."), including the expected ones the provider turns
 * into warnings or typed errors. The function is process-wide; installing it once is enough.
 */
final class LibvirtErrorOutput {
    /** Held here so that the native side's callback is never garbage-collected. */
    private static final Libvirt.VirErrorCallback DISCARD = (userData, error) -> {
        // Every error also reaches the caller as a LibvirtException, which the provider reports. The error
        // belongs to libvirt: JNA must not write its Java view back after the call.
        if (error != null) {
            error.setAutoWrite(false);
        }
    };
    private static volatile boolean silenced;

    private LibvirtErrorOutput() {
    }

    static void silence() throws LibvirtException {
        if (!silenced) {
            synchronized (LibvirtErrorOutput.class) {
                if (!silenced) {
                    Connect.setErrorCallback(DISCARD);
                    silenced = true;
                }
            }
        }
    }
}
