package dev.unmanaged.vsphere.vim;

import jakarta.xml.bind.annotation.XmlSeeAlso;
import jakarta.xml.bind.annotation.XmlType;

/**
 * A storage controller that disks and CD-ROMs attach to: its bus number, and from its subclass the controller type
 * and the bus that names device keys ({@code scsi0:1}, {@code nvme0:0}, {@code sata0:0}, {@code ide0:0}).
 */
@XmlType(name = "VirtualController")
@XmlSeeAlso({VirtualController.ParaSCSIController.class, VirtualController.LsiLogicController.class, VirtualController.LsiLogicSASController.class, VirtualController.BusLogicController.class, VirtualController.NVMEController.class, VirtualController.AHCIController.class, VirtualController.IDEController.class})
public class VirtualController extends VirtualDevice {
    public Integer busNumber;

    /** The controller type as vSphere users name it ({@code pvscsi}, {@code lsilogic-sas}, …). */
    public String controllerType() {
        return null;
    }

    /** The bus prefix of the device keys of what attaches to it; null for a controller disks do not use. */
    public String bus() {
        return null;
    }

    /** {@code ParaVirtualSCSIController}. */
    @XmlType(name = "ParaVirtualSCSIController")
    public static class ParaSCSIController extends VirtualController {
        @Override
        public String controllerType() {
            return "pvscsi";
        }

        @Override
        public String bus() {
            return "scsi";
        }
    }

    /** {@code VirtualLsiLogicController}. */
    @XmlType(name = "VirtualLsiLogicController")
    public static class LsiLogicController extends VirtualController {
        @Override
        public String controllerType() {
            return "lsilogic";
        }

        @Override
        public String bus() {
            return "scsi";
        }
    }

    /** {@code VirtualLsiLogicSASController}. */
    @XmlType(name = "VirtualLsiLogicSASController")
    public static class LsiLogicSASController extends VirtualController {
        @Override
        public String controllerType() {
            return "lsilogic-sas";
        }

        @Override
        public String bus() {
            return "scsi";
        }
    }

    /** {@code VirtualBusLogicController}. */
    @XmlType(name = "VirtualBusLogicController")
    public static class BusLogicController extends VirtualController {
        @Override
        public String controllerType() {
            return "buslogic";
        }

        @Override
        public String bus() {
            return "scsi";
        }
    }

    /** {@code VirtualNVMEController}. */
    @XmlType(name = "VirtualNVMEController")
    public static class NVMEController extends VirtualController {
        @Override
        public String controllerType() {
            return "nvme";
        }

        @Override
        public String bus() {
            return "nvme";
        }
    }

    /** {@code VirtualAHCIController}. */
    @XmlType(name = "VirtualAHCIController")
    public static class AHCIController extends VirtualController {
        @Override
        public String controllerType() {
            return "ahci";
        }

        @Override
        public String bus() {
            return "sata";
        }
    }

    /** {@code VirtualIDEController}. */
    @XmlType(name = "VirtualIDEController")
    public static class IDEController extends VirtualController {
        @Override
        public String controllerType() {
            return "ide";
        }

        @Override
        public String bus() {
            return "ide";
        }
    }
}
