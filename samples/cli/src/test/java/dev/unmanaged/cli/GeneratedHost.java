package dev.unmanaged.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A libvirt test-driver host of many shut-off VMs ({@code vm-0000}, {@code vm-0001}, ...) that the demo catalog
 * takes, and a plan file importing all of them: bulk runs long enough to interrupt or to overlap.
 */
record GeneratedHost(Path nodeFile, Path plan, List<String> names) {

    /** Writes the node file and the plan into {@code directory}. */
    static GeneratedHost write(Path directory, int vms) throws IOException {
        return write(directory, vms, 0);
    }

    /**
     * Host number {@code number} of several: its VMs' UUIDs and MACs differ from every other number's, and its
     * files are {@code node-N.xml} and {@code plan-N.json} (number 0: {@code node.xml}, {@code plan.json}).
     */
    static GeneratedHost write(Path directory, int vms, int number) throws IOException {
        List<String> names = IntStream.range(0, vms).mapToObj(i -> String.format("vm-%04d", i)).toList();
        String suffix = number == 0 ? "" : "-" + number;
        Path node = Files.writeString(directory.resolve("node" + suffix + ".xml"), nodeXml(vms, number));
        Path plan = Files.writeString(directory.resolve("plan" + suffix + ".json"), """
                {"defaults": {"host": "test://%s", "owner": "acme", "offering": "medium", "network": "prod",
                              "pool": "local-images"},
                 "imports": [%s]}
                """.formatted(node, names.stream().map(n -> "{\"instance\": \"" + n + "\"}")
                .collect(Collectors.joining(", "))));
        return new GeneratedHost(node, plan, names);
    }

    private static String nodeXml(int vms, int number) {
        StringBuilder xml = new StringBuilder("<node xmlns:test=\"http://libvirt.org/schemas/domain/test/1.0\">\n");
        for (int i = 0; i < vms; i++) {
            xml.append("""
                      <domain type="kvm">
                        <name>vm-%04d</name>
                        <uuid>6d1c%04d-0000-4000-8000-%012d</uuid>
                        <memory unit="GiB">4</memory>
                        <vcpu>2</vcpu>
                        <os><type arch="x86_64" machine="pc-q35-8.2">hvm</type></os>
                        <devices>
                          <disk type="file" device="disk"><driver name="qemu" type="qcow2"/>
                            <source file="/var/lib/libvirt/images/vm-%04d.qcow2"/><target dev="vda" bus="virtio"/></disk>
                          <interface type="bridge"><mac address="52:54:%02x:7f:%02x:%02x"/><source bridge="br-prod"/>
                            <model type="virtio"/></interface>
                        </devices>
                        <test:runstate>5</test:runstate>
                      </domain>
                    """.formatted(i, number, i, i, number, i / 256, i % 256));
        }
        return xml.append("</node>\n").toString();
    }
}
