package dev.unmanaged.vsphere.vim;

import jakarta.xml.bind.annotation.XmlTransient;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;

/**
 * Devices every virtual machine has or may have that a descriptor does not describe (buses, input devices, video,
 * serial ports, …): known, so that they are passed over quietly instead of with an "unknown device" warning.
 */
@XmlTransient
public abstract class InfrastructureDevices extends VirtualDevice {
    /** Every class here, for the JAXB context (a transient base cannot name its subclasses itself). */
    public static final List<Class<?>> TYPES = List.of(
            PCIController.class, PS2Controller.class, SIOController.class, USBController.class,
            USBXHCIController.class, Keyboard.class, PointingDevice.class, VideoCard.class, VMCIDevice.class,
            Floppy.class, SoundBlaster16.class, HdAudioCard.class, Ensoniq1371.class, VMIROM.class,
            ParallelPort.class, SerialPort.class, USB.class, TPM.class, PrecisionClock.class, WDT.class);

    /** {@code VirtualPCIController}. */
    @XmlType(name = "VirtualPCIController")
    public static class PCIController extends InfrastructureDevices {
    }

    /** {@code VirtualPS2Controller}. */
    @XmlType(name = "VirtualPS2Controller")
    public static class PS2Controller extends InfrastructureDevices {
    }

    /** {@code VirtualSIOController}. */
    @XmlType(name = "VirtualSIOController")
    public static class SIOController extends InfrastructureDevices {
    }

    /** {@code VirtualUSBController}. */
    @XmlType(name = "VirtualUSBController")
    public static class USBController extends InfrastructureDevices {
    }

    /** {@code VirtualUSBXHCIController}. */
    @XmlType(name = "VirtualUSBXHCIController")
    public static class USBXHCIController extends InfrastructureDevices {
    }

    /** {@code VirtualKeyboard}. */
    @XmlType(name = "VirtualKeyboard")
    public static class Keyboard extends InfrastructureDevices {
    }

    /** {@code VirtualPointingDevice}. */
    @XmlType(name = "VirtualPointingDevice")
    public static class PointingDevice extends InfrastructureDevices {
    }

    /** {@code VirtualMachineVideoCard}. */
    @XmlType(name = "VirtualMachineVideoCard")
    public static class VideoCard extends InfrastructureDevices {
    }

    /** {@code VirtualMachineVMCIDevice}. */
    @XmlType(name = "VirtualMachineVMCIDevice")
    public static class VMCIDevice extends InfrastructureDevices {
    }

    /** {@code VirtualFloppy}. */
    @XmlType(name = "VirtualFloppy")
    public static class Floppy extends InfrastructureDevices {
    }

    /** {@code VirtualSoundBlaster16}. */
    @XmlType(name = "VirtualSoundBlaster16")
    public static class SoundBlaster16 extends InfrastructureDevices {
    }

    /** {@code VirtualHdAudioCard}. */
    @XmlType(name = "VirtualHdAudioCard")
    public static class HdAudioCard extends InfrastructureDevices {
    }

    /** {@code VirtualEnsoniq1371}. */
    @XmlType(name = "VirtualEnsoniq1371")
    public static class Ensoniq1371 extends InfrastructureDevices {
    }

    /** {@code VirtualMachineVMIROM}. */
    @XmlType(name = "VirtualMachineVMIROM")
    public static class VMIROM extends InfrastructureDevices {
    }

    /** {@code VirtualParallelPort}. */
    @XmlType(name = "VirtualParallelPort")
    public static class ParallelPort extends InfrastructureDevices {
    }

    /** {@code VirtualSerialPort}. */
    @XmlType(name = "VirtualSerialPort")
    public static class SerialPort extends InfrastructureDevices {
    }

    /** {@code VirtualUSB}. */
    @XmlType(name = "VirtualUSB")
    public static class USB extends InfrastructureDevices {
    }

    /** {@code VirtualTPM}. */
    @XmlType(name = "VirtualTPM")
    public static class TPM extends InfrastructureDevices {
    }

    /** {@code VirtualPrecisionClock}. */
    @XmlType(name = "VirtualPrecisionClock")
    public static class PrecisionClock extends InfrastructureDevices {
    }

    /** {@code VirtualWDT}. */
    @XmlType(name = "VirtualWDT")
    public static class WDT extends InfrastructureDevices {
    }
}
