package dev.unmanaged.kvm;

import dev.unmanaged.api.error.ProviderFailureException;

/** The error for a machine where libvirt's native library cannot be loaded. */
final class NativeLibvirt {
    static final String PACKAGE_HINT = "install the libvirt client library (Debian/Ubuntu package 'libvirt0', "
            + "Fedora/RHEL 'libvirt-libs')";

    private NativeLibvirt() {
    }

    /** The typed error for a failure to load libvirt's native library or its Java binding. */
    static ProviderFailureException missing(LinkageError cause) {
        return new ProviderFailureException("the KVM provider cannot load libvirt's native library (libvirt.so.0): "
                + PACKAGE_HINT + " (" + cause.getClass().getSimpleName() + ": " + firstLine(cause.getMessage()) + ")",
                cause);
    }

    /** JNA's message goes on to list every path it searched, the whole class path included. */
    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
