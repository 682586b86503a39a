package dev.unmanaged.reliability.support;

import dev.unmanaged.kvm.KvmProviderOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A node file for libvirt's in-process test driver ({@code test:///ABSOLUTE/PATH}), written at test time so
 * that domains can carry whatever a test needs (hostile names, corpus definitions). Each domain is running;
 * {@code transient} ones carry {@code <test:transient/>}.
 */
public final class TestDriverNode {
    /** Options for a KVM provider that opens these node files: it refuses the test driver by default. */
    public static final KvmProviderOptions PROVIDER_OPTIONS =
            KvmProviderOptions.builder().testDriverAllowed(true).build();
    private static final String TEST_NS = "http://libvirt.org/schemas/domain/test/1.0";
    private final List<String> domains = new ArrayList<>();

    /** Adds a running domain with one file disk ({@code vda}), one bridge NIC and a VNC console with a password. */
    public TestDriverNode domain(String name, String uuid, String diskPath, String mac, String vncPassword,
                                 boolean transientDomain) {
        domains.add("<domain type='kvm' xmlns:test='" + TEST_NS + "'>"
                + "<name>" + escape(name) + "</name><uuid>" + uuid + "</uuid>"
                + "<memory unit='MiB'>512</memory><vcpu>1</vcpu>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type></os><devices>"
                + "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/>"
                + "<source file='" + escape(diskPath) + "'/><target dev='vda' bus='virtio'/></disk>"
                + "<interface type='bridge'><mac address='" + escape(mac) + "'/><source bridge='br0'/>"
                + "<model type='virtio'/></interface>"
                + "<graphics type='vnc' port='-1' autoport='yes' passwd='" + escape(vncPassword) + "'/>"
                + "</devices><test:runstate>1</test:runstate>" + (transientDomain ? "<test:transient/>" : "")
                + "</domain>");
        return this;
    }

    /**
     * Adds a domain from a full definition: its root {@code <domain ...>} gets the test namespace and a running
     * state is appended.
     */
    public TestDriverNode rawDomain(String domainXml) {
        String body = domainXml.replaceFirst("^\\s*<\\?xml[^>]*\\?>", "").strip();
        int rootEnd = body.indexOf('>');
        int close = body.lastIndexOf("</domain>");
        if (!body.startsWith("<domain") || rootEnd < 0 || close < 0) {
            throw new IllegalArgumentException("not a <domain> document");
        }
        String open = body.substring(0, rootEnd);
        if (open.endsWith("/")) {
            throw new IllegalArgumentException("empty <domain/>");
        }
        domains.add(open + " xmlns:test='" + TEST_NS + "'>" + body.substring(rootEnd + 1, close)
                + "<test:runstate>1</test:runstate></domain>");
        return this;
    }

    /** Writes the node file into {@code dir} and returns its {@code test:///} URI. */
    public String write(Path dir, String fileName) {
        Path file = dir.resolve(fileName).toAbsolutePath();
        try {
            Files.writeString(file, "<?xml version='1.0'?>\n<node>\n" + String.join("\n", domains) + "\n</node>\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "test://" + file;
    }

    /** XML text and attribute escaping, including line breaks and tabs (which attributes would otherwise fold). */
    public static String escape(String value) {
        var out = new StringBuilder(value.length() + 16);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append("&#9;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
