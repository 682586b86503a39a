package dev.unmanaged.kvm;

import dev.unmanaged.tck.InstanceSpec;

import java.util.List;
import java.util.UUID;

/** The libvirt domain XML of a conformance-kit {@link InstanceSpec}, for the test beds. */
final class SpecDomainXml {
    private SpecDomainXml() {
    }

    /**
     * @param domainType   libvirt's domain type, e.g. {@code kvm} or {@code qemu}
     * @param diskSources  one file per disk of the spec, in order
     * @param nicXml       the interface element for a MAC, without the MAC, e.g. {@code <interface type='user'>}
     * @param graphicsType the console type for the spec's password, {@code vnc} or {@code spice}
     */
    static String of(InstanceSpec spec, UUID uuid, String domainType, List<String> diskSources, String nicXml,
                     String graphicsType) {
        StringBuilder xml = new StringBuilder();
        xml.append("<domain type='").append(domainType).append("'>\n")
                .append("  <name>").append(spec.name()).append("</name>\n")
                .append("  <uuid>").append(uuid).append("</uuid>\n")
                .append("  <memory unit='b'>").append(spec.memoryBytes()).append("</memory>\n")
                .append("  <vcpu>").append(spec.vcpus()).append("</vcpu>\n")
                .append("  <os><type arch='x86_64'>hvm</type><boot dev='hd'/></os>\n")
                .append("  <devices>\n");
        for (int i = 0; i < spec.disks().size(); i++) {
            xml.append("    <disk type='file' device='disk'>\n")
                    .append("      <driver name='qemu' type='qcow2'/>\n")
                    .append("      <source file='").append(diskSources.get(i)).append("'/>\n")
                    .append("      <target dev='").append(spec.disks().get(i).deviceName()).append("' bus='virtio'/>\n")
                    .append("    </disk>\n");
        }
        for (InstanceSpec.NicSpec nic : spec.nics()) {
            xml.append("    ").append(nicXml).append("\n")
                    .append("      <mac address='").append(nic.mac()).append("'/>\n")
                    .append("      <model type='virtio'/>\n")
                    .append("    </interface>\n");
        }
        if (spec.graphicsPassword() != null) {
            xml.append("    <graphics type='").append(graphicsType)
                    .append("' autoport='yes' listen='127.0.0.1' passwd='")
                    .append(spec.graphicsPassword()).append("'/>\n");
        }
        return xml.append("  </devices>\n</domain>\n").toString();
    }
}
