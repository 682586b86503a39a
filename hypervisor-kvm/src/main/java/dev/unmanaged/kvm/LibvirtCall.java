package dev.unmanaged.kvm;

import org.libvirt.Connect;
import org.libvirt.LibvirtException;

/** Work done on one host's connection. */
@FunctionalInterface
interface LibvirtCall<T> {
    T apply(Connect connect) throws LibvirtException;
}
