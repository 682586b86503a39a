package dev.unmanaged.benchmarks.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The baseline: the peers' approach to domain XML (Apache CloudStack's {@code LibvirtDomainXMLParser}), a DOM
 * parse with a hardened {@link DocumentBuilderFactory} followed by a walk that reads the same fields our parser
 * maps. It validates less than our parser (it only converts numbers, units and the UUID), so it is, if
 * anything, a generous baseline.
 *
 * <p>Two ways of getting a builder are measured: one builder per thread, reused (the fastest way to use DOM),
 * and a new factory per document, as the peer does.
 */
public final class DomFieldWalker {
    private final ThreadLocal<DocumentBuilder> builders = ThreadLocal.withInitial(DomFieldWalker::newBuilder);

    /** Parses and walks with this thread's reused builder. */
    public DomDomain read(byte[] xml) {
        DocumentBuilder builder = builders.get();
        builder.reset();
        return walk(parse(builder, xml));
    }

    /** Parses and walks with a builder from a new factory, as the peer does for every document. */
    public static DomDomain readWithNewFactory(byte[] xml) {
        return walk(parse(newBuilder(), xml));
    }

    private static Document parse(DocumentBuilder builder, byte[] xml) {
        try {
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("not a readable domain document: " + e.getMessage(), e);
        }
    }

    /** A factory hardened the way careful DOM users do it: no DOCTYPE, no entities, no XInclude. */
    static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's DOM parser cannot be hardened", e);
        }
    }

    /** The fields the walk reads; the same ones our descriptors carry. */
    public record DomDomain(String name, UUID uuid, String type, long memoryBytes, long currentMemoryBytes,
                            int vcpus, Integer currentVcpus, String cpuMode, String cpuModel, Integer sockets,
                            Integer dies, Integer cores, Integer threads, Long shares, Long period, Long quota,
                            String osType, String arch, String machine, String firmware, String loader,
                            List<DomDisk> disks, List<DomNic> nics, List<DomGraphics> graphics) {
    }

    /** A disk as the walk reads it. */
    public record DomDisk(String type, String device, String driverType, String cache, String source,
                          String protocol, List<String> hosts, String targetDev, String bus, String serial,
                          boolean readOnly, boolean shareable, Integer bootOrder) {
    }

    /** A NIC as the walk reads it. */
    public record DomNic(String type, String mac, String model, String source, List<Integer> vlanTags,
                         String virtualPort, String targetDev, Integer bootOrder) {
    }

    /** A graphics console as the walk reads it. */
    public record DomGraphics(String type, Integer port, String listen, boolean passwordSet) {
    }

    private static DomDomain walk(Document document) {
        Element domain = document.getDocumentElement();
        Element cpu = child(domain, "cpu");
        Element topology = child(cpu, "topology");
        Element cputune = child(domain, "cputune");
        Element os = child(domain, "os");
        Element osType = child(os, "type");
        Element vcpu = child(domain, "vcpu");
        String uuid = text(child(domain, "uuid"));
        long memory = scaled(child(domain, "memory"));
        long current = scaled(child(domain, "currentMemory"));
        List<DomDisk> disks = new ArrayList<>();
        List<DomNic> nics = new ArrayList<>();
        List<DomGraphics> graphics = new ArrayList<>();
        for (Element devices : children(domain, "devices")) {
            for (Element device : children(devices, null)) {
                switch (device.getTagName()) {
                    case "disk" -> disks.add(disk(device));
                    case "interface" -> nics.add(nic(device));
                    case "graphics" -> graphics.add(graphics(device));
                    default -> { }
                }
            }
        }
        return new DomDomain(text(child(domain, "name")), uuid == null ? null : UUID.fromString(dashed(uuid)),
                attr(domain, "type"), memory, current == 0 ? memory : current,
                vcpu == null ? 1 : integer(text(vcpu)), integer(attr(vcpu, "current")),
                attr(cpu, "mode"), text(child(cpu, "model")), integer(attr(topology, "sockets")),
                integer(attr(topology, "dies")), integer(attr(topology, "cores")), integer(attr(topology, "threads")),
                longValue(text(child(cputune, "shares"))), longValue(text(child(cputune, "period"))),
                longValue(text(child(cputune, "quota"))), text(osType), attr(osType, "arch"),
                attr(osType, "machine"), attr(os, "firmware"), text(child(os, "loader")), disks, nics, graphics);
    }

    private static DomDisk disk(Element disk) {
        Element source = child(disk, "source");
        Element driver = child(disk, "driver");
        Element target = child(disk, "target");
        List<String> hosts = new ArrayList<>();
        for (Element host : children(source, "host")) {
            String port = attr(host, "port");
            hosts.add(port == null ? attr(host, "name") : attr(host, "name") + ":" + port);
        }
        String location = null;
        if (source != null) {
            location = firstOf(source, "file", "dev", "name", "dir");
            if (location == null && source.hasAttribute("pool")) {
                location = attr(source, "pool") + "/" + attr(source, "volume");
            }
        }
        return new DomDisk(attr(disk, "type"), attr(disk, "device"), attr(driver, "type"), attr(driver, "cache"),
                location, attr(source, "protocol"), hosts, attr(target, "dev"), attr(target, "bus"),
                text(child(disk, "serial")), child(disk, "readonly") != null, child(disk, "shareable") != null,
                integer(attr(child(disk, "boot"), "order")));
    }

    private static DomNic nic(Element nic) {
        Element source = child(nic, "source");
        List<Integer> tags = new ArrayList<>();
        for (Element vlan : children(nic, "vlan")) {
            for (Element tag : children(vlan, "tag")) {
                tags.add(integer(attr(tag, "id")));
            }
        }
        String mac = attr(child(nic, "mac"), "address");
        return new DomNic(attr(nic, "type"), mac == null ? null : mac.toLowerCase(Locale.ROOT),
                attr(child(nic, "model"), "type"), source == null ? null : firstOf(source, "bridge", "network", "dev"),
                tags, attr(child(nic, "virtualport"), "type"), attr(child(nic, "target"), "dev"),
                integer(attr(child(nic, "boot"), "order")));
    }

    private static DomGraphics graphics(Element graphics) {
        Integer port = integer(attr(graphics, "port"));
        String listen = attr(graphics, "listen");
        if (listen == null) {
            for (Element element : children(graphics, "listen")) {
                listen = attr(element, "address");
                if (listen != null) {
                    break;
                }
            }
        }
        return new DomGraphics(attr(graphics, "type"), port == null || port == -1 ? null : port, listen,
                graphics.hasAttribute("passwd"));
    }

    private static String firstOf(Element element, String... attributes) {
        for (String attribute : attributes) {
            if (element.hasAttribute(attribute)) {
                return element.getAttribute(attribute);
            }
        }
        return null;
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        if (parent == null) {
            return List.of();
        }
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && (name == null || element.getTagName().equals(name))) {
                found.add(element);
            }
        }
        return found;
    }

    private static String attr(Element element, String name) {
        return element == null || !element.hasAttribute(name) ? null : element.getAttribute(name);
    }

    private static String text(Element element) {
        return element == null ? null : element.getTextContent().strip();
    }

    private static Integer integer(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long longValue(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String dashed(String uuid) {
        String hex = uuid.replace("-", "");
        if (hex.length() != 32) {
            return "00000000-0000-0000-0000-000000000000";
        }
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }

    /** A libvirt scaled integer in bytes (KiB when no unit is written); 0 when absent or unreadable. */
    private static long scaled(Element element) {
        Long value = longValue(text(element));
        if (value == null) {
            return 0;
        }
        String unit = attr(element, "unit");
        return value * multiplier(unit == null ? "KiB" : unit);
    }

    private static long multiplier(String unit) {
        return switch (unit) {
            case "b", "bytes" -> 1L;
            case "KB" -> 1_000L;
            case "k", "KiB" -> 1L << 10;
            case "MB" -> 1_000_000L;
            case "M", "MiB" -> 1L << 20;
            case "GB" -> 1_000_000_000L;
            case "G", "GiB" -> 1L << 30;
            case "TB" -> 1_000_000_000_000L;
            case "T", "TiB" -> 1L << 40;
            default -> 1L;
        };
    }
}
