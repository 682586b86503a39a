package dev.unmanaged.benchmarks.listing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.UUID;

/**
 * Writes node files for libvirt's in-process test driver ({@code test:///ABSOLUTE/PATH/node.xml}) that look like
 * a busy KVM host: a mix of running, paused, blocked, shut-off, crashed and suspended domains, some transient,
 * each with 1–4 disks and 1–3 NICs, and storage pools holding a volume for every file disk so that disk sizes
 * resolve for shut-off domains. The same count and seed always give the same file.
 *
 * <p>Run as a program: {@code NodeFileGenerator COUNT OUTPUT [SEED]}.
 */
public final class NodeFileGenerator {
    /** libvirt's virDomainState numbers, weighted like a real host: mostly running, many shut off. */
    private static final int[] STATES = {1, 1, 1, 1, 1, 1, 5, 5, 5, 3, 2, 4, 6, 7};
    private static final String[] POOLS = {"images", "fast"};
    private static final String[] DISK_FORMATS = {"qcow2", "raw", "qcow2", "vmdk"};
    private static final String[] NIC_TYPES = {"network", "bridge", "network", "direct"};
    private static final String[] NIC_MODELS = {"virtio", "virtio", "e1000e", "rtl8139"};
    private static final String TEST_NS = "http://libvirt.org/schemas/domain/test/1.0";

    private final int domains;
    private final long seed;

    /**
     * @param domains how many domains the node holds
     * @param seed    the seed of the mix
     */
    public NodeFileGenerator(int domains, long seed) {
        if (domains < 1) {
            throw new IllegalArgumentException("domains must be at least 1, got " + domains);
        }
        this.domains = domains;
        this.seed = seed;
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: NodeFileGenerator COUNT OUTPUT [SEED]");
            System.exit(2);
        }
        Path output = Path.of(args[1]).toAbsolutePath();
        Stats stats = new NodeFileGenerator(Integer.parseInt(args[0]), args.length > 2 ? Long.parseLong(args[2]) : 1)
                .write(output);
        System.out.println(stats + " -> test://" + output);
    }

    /** What a generated node holds. */
    public record Stats(int domains, int running, int transientDomains, int disks, int nics, int volumes) {
    }

    /** Writes the node file to {@code output} (replacing it) and says what it holds. */
    public Stats write(Path output) {
        Random random = new Random(seed);
        int running = 0;
        int transients = 0;
        int disks = 0;
        int nics = 0;
        StringBuilder[] volumes = {new StringBuilder(), new StringBuilder()};
        int volumeCount = 0;
        try {
            Files.createDirectories(output.toAbsolutePath().getParent());
            try (BufferedWriter out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                out.write("<?xml version=\"1.0\"?>\n<node>\n");
                for (int i = 0; i < domains; i++) {
                    int state = STATES[random.nextInt(STATES.length)];
                    // Only a running domain can be transient: a transient domain that stops is gone.
                    boolean transientDomain = state == 1 && random.nextInt(8) == 0;
                    running += state == 1 ? 1 : 0;
                    transients += transientDomain ? 1 : 0;
                    int diskCount = 1 + random.nextInt(4);
                    int nicCount = 1 + random.nextInt(3);
                    disks += diskCount;
                    nics += nicCount;
                    String name = String.format("vm-%05d", i);
                    StringBuilder domain = new StringBuilder(2048);
                    domain.append("  <domain type=\"kvm\" xmlns:test=\"").append(TEST_NS).append("\">\n")
                            .append("    <name>").append(name).append("</name>\n")
                            .append("    <uuid>").append(new UUID(0x5eed_0000_0000_0000L | i, seed ^ (i * 31L)))
                            .append("</uuid>\n");
                    int memoryMib = 512 << random.nextInt(5);
                    int vcpus = 1 << random.nextInt(4);
                    domain.append("    <memory unit=\"MiB\">").append(memoryMib).append("</memory>\n")
                            .append("    <currentMemory unit=\"MiB\">").append(memoryMib).append("</currentMemory>\n")
                            .append("    <vcpu placement=\"static\">").append(vcpus).append("</vcpu>\n")
                            .append("    <os><type arch=\"x86_64\" machine=\"pc-q35-7.2\">hvm</type>")
                            .append("<boot dev=\"hd\"/></os>\n")
                            .append("    <features><acpi/><apic/></features>\n")
                            .append("    <cpu mode=\"host-model\"><topology sockets=\"1\" dies=\"1\" cores=\"")
                            .append(vcpus).append("\" threads=\"1\"/></cpu>\n")
                            .append("    <clock offset=\"utc\"/>\n")
                            .append("    <on_poweroff>destroy</on_poweroff>\n    <devices>\n");
                    for (int d = 0; d < diskCount; d++) {
                        String pool = POOLS[(i + d) % POOLS.length];
                        String format = DISK_FORMATS[random.nextInt(DISK_FORMATS.length)];
                        String volume = name + "-disk" + d + "." + format;
                        String target = "vd" + (char) ('a' + d);
                        if (d == 3) {
                            domain.append("      <disk type=\"volume\" device=\"disk\">\n")
                                    .append("        <driver name=\"qemu\" type=\"").append(format).append("\"/>\n")
                                    .append("        <source pool=\"").append(pool).append("\" volume=\"")
                                    .append(volume).append("\"/>\n");
                        } else {
                            domain.append("      <disk type=\"file\" device=\"disk\">\n")
                                    .append("        <driver name=\"qemu\" type=\"").append(format)
                                    .append("\" cache=\"none\"/>\n")
                                    .append("        <source file=\"/var/lib/libvirt/").append(pool).append('/')
                                    .append(volume).append("\"/>\n");
                        }
                        domain.append("        <target dev=\"").append(target).append("\" bus=\"virtio\"/>\n")
                                .append("      </disk>\n");
                        long capacityGib = 10L << random.nextInt(5);
                        volumes[(i + d) % POOLS.length].append("    <volume type=\"file\"><name>").append(volume)
                                .append("</name><capacity unit=\"GiB\">").append(capacityGib)
                                .append("</capacity><allocation unit=\"GiB\">").append(1 + random.nextInt((int) capacityGib))
                                .append("</allocation></volume>\n");
                        volumeCount++;
                    }
                    for (int n = 0; n < nicCount; n++) {
                        String type = NIC_TYPES[random.nextInt(NIC_TYPES.length)];
                        domain.append("      <interface type=\"").append(type).append("\">\n")
                                .append(String.format("        <mac address=\"52:54:%02x:%02x:%02x:%02x\"/>%n",
                                        (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff, n));
                        switch (type) {
                            case "bridge" -> domain.append("        <source bridge=\"br").append(n).append("\"/>\n");
                            case "direct" -> domain.append("        <source dev=\"eth").append(n)
                                    .append("\" mode=\"bridge\"/>\n");
                            default -> domain.append("        <source network=\"net").append(n).append("\"/>\n");
                        }
                        if (random.nextInt(4) == 0) {
                            domain.append("        <vlan><tag id=\"").append(100 + n).append("\"/></vlan>\n");
                        }
                        domain.append("        <model type=\"").append(NIC_MODELS[random.nextInt(NIC_MODELS.length)])
                                .append("\"/>\n      </interface>\n");
                    }
                    if (random.nextBoolean()) {
                        domain.append("      <graphics type=\"vnc\" port=\"-1\" autoport=\"yes\"/>\n");
                    }
                    domain.append("      <console type=\"pty\"/>\n    </devices>\n")
                            .append("    <test:runstate>").append(state).append("</test:runstate>\n");
                    if (transientDomain) {
                        domain.append("    <test:transient/>\n");
                    }
                    domain.append("  </domain>\n");
                    out.write(domain.toString());
                }
                for (int p = 0; p < POOLS.length; p++) {
                    out.write("  <pool type=\"dir\">\n    <name>" + POOLS[p] + "</name>\n    <uuid>"
                            + new UUID(0x9001_0000_0000_0000L | p, seed) + "</uuid>\n"
                            + "    <target><path>/var/lib/libvirt/" + POOLS[p] + "</path></target>\n");
                    out.write(volumes[p].toString());
                    out.write("  </pool>\n");
                }
                out.write("</node>\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write node file " + output, e);
        }
        return new Stats(domains, running, transients, disks, nics, volumeCount);
    }
}
