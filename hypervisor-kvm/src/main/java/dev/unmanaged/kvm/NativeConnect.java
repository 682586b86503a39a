package dev.unmanaged.kvm;

import com.sun.jna.Pointer;
import org.libvirt.Connect;
import org.libvirt.ConnectAuth;
import org.libvirt.LibvirtException;

/**
 * A libvirt-java connection whose native handle the provider's own bindings ({@link AllDomainStats}) may use
 * for calls libvirt-java does not expose. The handle stays owned by this connection.
 */
final class NativeConnect extends Connect {
    NativeConnect(String uri, ConnectAuth auth, int flags) throws LibvirtException {
        super(uri, auth, flags);
    }

    /** The {@code virConnectPtr}; valid until this connection is closed. */
    Pointer handle() {
        return vcp.getPointer();
    }
}
