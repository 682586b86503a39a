package dev.unmanaged.kvm.xml;

import dev.unmanaged.api.instance.CpuDescriptor;
import dev.unmanaged.api.instance.DescriptorWarning;
import dev.unmanaged.api.instance.DiskDescriptor;
import dev.unmanaged.api.instance.GraphicsDescriptor;
import dev.unmanaged.api.instance.HostDeviceDescriptor;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.MemoryDescriptor;
import dev.unmanaged.api.instance.NicDescriptor;
import dev.unmanaged.api.instance.OsDescriptor;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.kvm.xml.model.DevicesXml;
import dev.unmanaged.kvm.xml.model.DomainXml;
import dev.unmanaged.kvm.xml.model.TpmXml;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns a bound domain document into an {@link InstanceDescriptor} read from the definition alone: no host,
 * power state {@link PowerState#UNKNOWN}, persistence unknown. Devices keep document order; none is dropped.
 */
final class DomainMapper {
    static final String HYPERVISOR = "kvm";

    private DomainMapper() {
    }

    static InstanceDescriptor map(DomainXml domain) {
        List<DescriptorWarning> warnings = new ArrayList<>();
        String name = IdentityMapping.name(domain);
        UUID uuid = IdentityMapping.uuid(domain, warnings);
        MemoryDescriptor memory = MemoryMapping.map(domain);
        CpuDescriptor cpu = CpuMapping.map(domain, warnings);
        OsDescriptor os = OsMapping.map(domain.os(), warnings);
        List<DiskDescriptor> disks = new ArrayList<>();
        List<NicDescriptor> nics = new ArrayList<>();
        List<GraphicsDescriptor> graphics = new ArrayList<>();
        List<HostDeviceDescriptor> hostDevices = new ArrayList<>();
        List<TpmXml> tpms = new ArrayList<>();
        for (DevicesXml devices : domain.devices()) {
            devices.disks().forEach(disk -> disks.add(DiskMapping.map(disk)));
            devices.interfaces().forEach(nic -> nics.add(NicMapping.map(nic)));
            devices.graphics().forEach(console -> graphics.add(GraphicsMapping.map(console)));
            devices.hostdevs().forEach(hostdev -> hostDevices.add(HostStateMapping.hostDevice(hostdev)));
            tpms.addAll(devices.tpms());
        }
        DeviceChecks.check(disks, nics, warnings);
        return InstanceDescriptor.builder().uuid(uuid).name(name).hypervisor(HYPERVISOR)
                .virtualizationType(Values.text(domain.type())).cpu(cpu).memory(memory).os(os).disks(disks)
                .nics(nics).graphics(graphics).warnings(warnings).hostDevices(hostDevices)
                .firmwareState(HostStateMapping.firmwareState(domain.os(), tpms)).build();
    }
}
