package dev.unmanaged.vsphere.vim;

import jakarta.xml.bind.annotation.XmlSeeAlso;
import jakarta.xml.bind.annotation.XmlType;

/**
 * What backs a device: one class for every backing kind the mapping reads, since they share their fields (a file
 * name and datastore for disks and ISO images, a device name for host drives and standard port groups). The
 * subclass, chosen by {@code xsi:type}, says which kind it is; an unmodelled kind binds as this class.
 */
@XmlType(name = "VirtualDeviceBackingInfo")
@XmlSeeAlso({Backing.DiskFlat.class, Backing.DiskSparse.class, Backing.DiskSeSparse.class,
        Backing.DiskRawMapping.class, Backing.CdromIso.class, Backing.CdromAtapi.class, Backing.CdromPassthrough.class,
        Backing.CdromRemoteAtapi.class, Backing.Network.class, Backing.DistributedPort.class,
        Backing.OpaqueNetwork.class})
public class Backing {
    public String fileName;
    public ManagedObjectReference datastore;
    public String deviceName;
    public String diskMode;
    public Boolean thinProvisioned;
    public Boolean eagerlyScrub;

    /** {@code VirtualDiskFlatVer2BackingInfo}: a flat vmdk, thin or thick. */
    @XmlType(name = "VirtualDiskFlatVer2BackingInfo")
    public static class DiskFlat extends Backing {
    }

    /** {@code VirtualDiskSparseVer2BackingInfo}: a hosted sparse vmdk. */
    @XmlType(name = "VirtualDiskSparseVer2BackingInfo")
    public static class DiskSparse extends Backing {
    }

    /** {@code VirtualDiskSeSparseBackingInfo}: a space-efficient sparse vmdk. */
    @XmlType(name = "VirtualDiskSeSparseBackingInfo")
    public static class DiskSeSparse extends Backing {
    }

    /** {@code VirtualDiskRawDiskMappingVer1BackingInfo}: a raw LUN mapped through a vmdk. */
    @XmlType(name = "VirtualDiskRawDiskMappingVer1BackingInfo")
    public static class DiskRawMapping extends Backing {
    }

    /** {@code VirtualCdromIsoBackingInfo}: an ISO image on a datastore. */
    @XmlType(name = "VirtualCdromIsoBackingInfo")
    public static class CdromIso extends Backing {
    }

    /** {@code VirtualCdromAtapiBackingInfo}: the host's drive. */
    @XmlType(name = "VirtualCdromAtapiBackingInfo")
    public static class CdromAtapi extends Backing {
    }

    /** {@code VirtualCdromPassthroughBackingInfo}: the host's drive, passed through. */
    @XmlType(name = "VirtualCdromPassthroughBackingInfo")
    public static class CdromPassthrough extends Backing {
    }

    /** {@code VirtualCdromRemoteAtapiBackingInfo}: the client's drive. */
    @XmlType(name = "VirtualCdromRemoteAtapiBackingInfo")
    public static class CdromRemoteAtapi extends Backing {
    }

    /** {@code VirtualEthernetCardNetworkBackingInfo}: a standard switch port group, named by its device name. */
    @XmlType(name = "VirtualEthernetCardNetworkBackingInfo")
    public static class Network extends Backing {
        public ManagedObjectReference network;
    }

    /** {@code VirtualEthernetCardDistributedVirtualPortBackingInfo}: a distributed switch's port group. */
    @XmlType(name = "VirtualEthernetCardDistributedVirtualPortBackingInfo")
    public static class DistributedPort extends Backing {
        public Port port;

        /** The switch (by UUID) and port group (by key) of the port. */
        @XmlType(name = "DistributedVirtualSwitchPortConnection")
        public static class Port {
            public String switchUuid;
            public String portgroupKey;
        }
    }

    /** {@code VirtualEthernetCardOpaqueNetworkBackingInfo}: a network managed outside vCenter (NSX). */
    @XmlType(name = "VirtualEthernetCardOpaqueNetworkBackingInfo")
    public static class OpaqueNetwork extends Backing {
        public String opaqueNetworkId;
        public String opaqueNetworkType;
    }
}
