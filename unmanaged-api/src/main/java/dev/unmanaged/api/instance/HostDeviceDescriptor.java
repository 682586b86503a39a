package dev.unmanaged.api.instance;

import java.util.Objects;

/**
 * A device of the host passed through to an instance (KVM's {@code <hostdev>}): the instance can only run where
 * that device is.
 *
 * @param type    {@code pci}, {@code usb}, {@code mdev} (a mediated device such as a vGPU slice), {@code scsi}, or
 *                what the hypervisor calls it
 * @param address the device on the host: a PCI address ({@code 0000:03:00.0}), a USB vendor and product
 *                ({@code 046d:c52b}) or bus and device ({@code bus 1 device 4}), a mediated device's UUID; empty
 *                when the definition names none
 * @param managed true when the hypervisor detaches the device from its host driver itself
 */
public record HostDeviceDescriptor(String type, String address, boolean managed) {
    public HostDeviceDescriptor {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(address, "address");
    }
}
