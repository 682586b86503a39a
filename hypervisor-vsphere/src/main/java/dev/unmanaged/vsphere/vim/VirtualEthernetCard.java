package dev.unmanaged.vsphere.vim;

import jakarta.xml.bind.annotation.XmlSeeAlso;
import jakarta.xml.bind.annotation.XmlType;

/** A network adapter: its MAC and backing; the subclass is the adapter type. */
@XmlType(name = "VirtualEthernetCard")
@XmlSeeAlso({VirtualEthernetCard.Vmxnet3.class, VirtualEthernetCard.Vmxnet2.class, VirtualEthernetCard.Vmxnet.class, VirtualEthernetCard.E1000e.class, VirtualEthernetCard.E1000.class, VirtualEthernetCard.PCNet32.class, VirtualEthernetCard.SriovEthernetCard.class, VirtualEthernetCard.Vmxnet3Vrdma.class})
public class VirtualEthernetCard extends VirtualDevice {
    public String macAddress;
    public Backing backing;

    /** The adapter type as vSphere users name it ({@code vmxnet3}, {@code e1000e}, …); null when unknown. */
    public String adapterType() {
        return null;
    }

    /** {@code VirtualVmxnet3}. */
    @XmlType(name = "VirtualVmxnet3")
    public static class Vmxnet3 extends VirtualEthernetCard {
        @Override
        public String adapterType() {
            return "vmxnet3";
        }
    }

    /** {@code VirtualVmxnet2}. */
    @XmlType(name = "VirtualVmxnet2")
    public static class Vmxnet2 extends VirtualEthernetCard {
        @Override
        public String adapterType() {
            return "vmxnet2";
        }
    }

    /** {@code VirtualVmxnet}. */
    @XmlType(name = "VirtualVmxnet")
    public static class Vmxnet extends VirtualEthernetCard {
        @Override
        public String adapterType() {
            return "vmxnet";
        }
    }

    /** {@code VirtualE1000e}. */
    @XmlType(name = "VirtualE1000e")
    public static class E1000e extends VirtualEthernetCard {
        @Override
        public String adapterType() {
            return "e1000e";
        }
    }

    /** {@code VirtualE1000}. */
    @XmlType(name = "VirtualE1000")
    public static class E1000 extends VirtualEthernetCard {
        @Override
        public String adapterType() {
            return "e1000";
        }
    }

    /** {@code VirtualPCNet32}. */
    @XmlType(name = "VirtualPCNet32")
    public static class PCNet32 extends VirtualEthernetCard {
        @Override
        public String adapterType() {
            return "pcnet32";
        }
    }

    /** {@code VirtualSriovEthernetCard}. */
    @XmlType(name = "VirtualSriovEthernetCard")
    public static class SriovEthernetCard extends VirtualEthernetCard {
        @Override
        public String adapterType() {
            return "sriov";
        }
    }

    /** {@code VirtualVmxnet3Vrdma}. */
    @XmlType(name = "VirtualVmxnet3Vrdma")
    public static class Vmxnet3Vrdma extends VirtualEthernetCard {
        @Override
        public String adapterType() {
            return "vmxnet3vrdma";
        }
    }
}
