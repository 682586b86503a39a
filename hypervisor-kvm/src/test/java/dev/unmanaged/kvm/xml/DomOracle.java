package dev.unmanaged.kvm.xml;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * An independent reading of a trusted corpus document with the JDK's DOM, written from the libvirt
 * documentation rather than from the parser: what each field of the descriptor should be. Shares no code with
 * the parser under test.
 */
final class DomOracle {
    /** libvirt's scaled-integer units, as a literal table (formatdomain: "Memory Allocation"). */
    private static final Map<String, BigInteger> UNITS = Map.ofEntries(
            Map.entry("b", BigInteger.ONE), Map.entry("bytes", BigInteger.ONE),
            Map.entry("KB", BigInteger.valueOf(1_000L)), Map.entry("k", BigInteger.valueOf(1_024L)),
            Map.entry("KiB", BigInteger.valueOf(1_024L)),
            Map.entry("MB", BigInteger.valueOf(1_000_000L)), Map.entry("M", BigInteger.valueOf(1_048_576L)),
            Map.entry("MiB", BigInteger.valueOf(1_048_576L)),
            Map.entry("GB", BigInteger.valueOf(1_000_000_000L)), Map.entry("G", BigInteger.valueOf(1_073_741_824L)),
            Map.entry("GiB", BigInteger.valueOf(1_073_741_824L)),
            Map.entry("TB", BigInteger.TEN.pow(12)), Map.entry("T", BigInteger.TWO.pow(40)),
            Map.entry("TiB", BigInteger.TWO.pow(40)),
            Map.entry("PB", BigInteger.TEN.pow(15)), Map.entry("P", BigInteger.TWO.pow(50)),
            Map.entry("PiB", BigInteger.TWO.pow(50)),
            Map.entry("EB", BigInteger.TEN.pow(18)), Map.entry("E", BigInteger.TWO.pow(60)),
            Map.entry("EiB", BigInteger.TWO.pow(60)));

    private final Element domain;

    private DomOracle(Element domain) {
        this.domain = domain;
    }

    static DomOracle of(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setNamespaceAware(true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        Document document = builder.parse(file.toFile());
        return new DomOracle(document.getDocumentElement());
    }

    // ---- expected values ----

    String name() {
        return text(child(domain, "name"));
    }

    String uuid() {
        String raw = text(child(domain, "uuid"));
        if (raw == null) {
            return null;
        }
        String hex = raw.strip().replace("-", "").toLowerCase(Locale.ROOT);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }

    String domainType() {
        return attr(domain, "type");
    }

    long memoryBytes() {
        Element memory = child(domain, "memory");
        long bytes = memory == null ? 0 : bytes(memory.getTextContent(), attr(memory, "unit"));
        if (bytes == 0) {
            for (Element cell : path(domain, "cpu", "numa", "cell")) {
                bytes += bytes(attr(cell, "memory"), attr(cell, "unit"));
            }
        }
        return bytes;
    }

    long currentMemoryBytes() {
        long max = memoryBytes();
        Element current = child(domain, "currentMemory");
        if (current == null) {
            return max;
        }
        long bytes = bytes(current.getTextContent(), attr(current, "unit"));
        return bytes == 0 || bytes > max ? max : bytes;
    }

    int maxVcpus() {
        Element vcpu = child(domain, "vcpu");
        return vcpu == null ? 1 : Integer.parseInt(vcpu.getTextContent().strip());
    }

    /** The {@code current} attribute; null when absent (the oracle then expects the maximum or {@code <vcpus>}). */
    Integer currentVcpusAttribute() {
        Element vcpu = child(domain, "vcpu");
        String current = vcpu == null ? null : attr(vcpu, "current");
        return current == null ? null : Integer.valueOf(current.strip());
    }

    boolean hasVcpuStates() {
        return child(domain, "vcpus") != null;
    }

    String cpuMode() {
        Element cpu = child(domain, "cpu");
        return cpu == null ? null : attr(cpu, "mode");
    }

    String cpuModel() {
        Element model = first(path(domain, "cpu", "model"));
        return model == null ? null : emptyToNull(model.getTextContent().strip());
    }

    Integer topology(String attribute) {
        Element topology = first(path(domain, "cpu", "topology"));
        if (topology == null) {
            return null;
        }
        String value = attr(topology, attribute);
        if (value == null && attribute.equals("dies")
                && (attr(topology, "sockets") != null || attr(topology, "cores") != null
                || attr(topology, "threads") != null)) {
            return 1;
        }
        return value == null ? null : Integer.valueOf(value.strip());
    }

    Long cputune(String element) {
        String value = text(first(path(domain, "cputune", element)));
        return value == null ? null : Long.valueOf(value.strip());
    }

    String osType() {
        return textOrNull(first(path(domain, "os", "type")));
    }

    String osAttr(String name) {
        Element type = first(path(domain, "os", "type"));
        return type == null ? null : attr(type, name);
    }

    String osFirmwareAttribute() {
        Element os = child(domain, "os");
        return os == null ? null : attr(os, "firmware");
    }

    String loaderAttr(String name) {
        Element loader = first(path(domain, "os", "loader"));
        return loader == null ? null : attr(loader, name);
    }

    List<String> bootDevices() {
        List<String> devices = new ArrayList<>();
        for (Element boot : path(domain, "os", "boot")) {
            if (attr(boot, "dev") != null) {
                devices.add(attr(boot, "dev"));
            }
        }
        return devices;
    }

    List<Element> disks() {
        return path(domain, "devices", "disk");
    }

    List<Element> interfaces() {
        return path(domain, "devices", "interface");
    }

    List<Element> graphics() {
        return path(domain, "devices", "graphics");
    }

    // ---- per-device expectations ----

    static String diskSource(Element disk) {
        Element source = child(disk, "source");
        if (source == null) {
            return null;
        }
        String type = attr(disk, "type") == null ? "file" : attr(disk, "type");
        switch (type) {
            case "file":
                return attr(source, "file");
            case "block":
                return attr(source, "dev");
            case "dir":
                return attr(source, "dir");
            case "network": {
                String name = attr(source, "name");
                return name == null ? null : name.split("\\?", 2)[0];
            }
            case "volume": {
                String pool = attr(source, "pool");
                String volume = attr(source, "volume");
                return pool != null && volume != null ? pool + "/" + volume : (pool != null ? pool : volume);
            }
            case "vhostuser":
                return attr(source, "path");
            default:
                return UNCHECKED;
        }
    }

    static List<String> diskHosts(Element disk) {
        List<String> hosts = new ArrayList<>();
        Element source = child(disk, "source");
        if (source == null || !"network".equals(attr(disk, "type"))) {
            return hosts;
        }
        for (Element host : children(source, "host")) {
            String name = attr(host, "name");
            if (name != null) {
                String port = attr(host, "port");
                // RFC 3986 style: an IPv6 literal is bracketed when a port follows it.
                String shown = name.contains(":") ? "[" + name + "]" : name;
                hosts.add(port == null ? name : shown + ":" + port);
            } else if (attr(host, "socket") != null) {
                hosts.add(attr(host, "socket"));
            }
        }
        return hosts;
    }

    static String nicSource(Element nic) {
        Element source = child(nic, "source");
        if (source == null) {
            return null;
        }
        String type = String.valueOf(attr(nic, "type"));
        switch (type) {
            case "bridge":
                return attr(source, "bridge");
            case "network":
                return attr(source, "network");
            case "direct":
            case "vdpa":
                return attr(source, "dev");
            case "vhostuser":
                return attr(source, "path");
            case "ethernet":
            case "user":
            case "server":
            case "client":
            case "mcast":
            case "udp":
            case "null":
            case "vds":
                return null;
            default:
                return UNCHECKED;
        }
    }

    static List<Integer> vlanTags(Element nic) {
        List<Integer> tags = new ArrayList<>();
        for (Element vlan : children(nic, "vlan")) {
            for (Element tag : children(vlan, "tag")) {
                tags.add(Integer.valueOf(attr(tag, "id").strip()));
            }
        }
        return tags;
    }

    /** Marks a value the oracle does not predict (a type it has no rule for). */
    static final String UNCHECKED = "\u0000unchecked";

    // ---- DOM helpers ----

    static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getLocalName())
                    && element.getNamespaceURI() == null) {
                return element;
            }
        }
        return null;
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getLocalName())
                    && element.getNamespaceURI() == null) {
                found.add(element);
            }
        }
        return found;
    }

    static String attr(Element element, String name) {
        return element.hasAttribute(name) ? element.getAttribute(name) : null;
    }

    static String childAttr(Element parent, String child, String attribute) {
        Element element = child(parent, child);
        return element == null ? null : attr(element, attribute);
    }

    private static List<Element> path(Element from, String... names) {
        List<Element> current = List.of(from);
        for (String name : names) {
            List<Element> next = new ArrayList<>();
            for (Element element : current) {
                next.addAll(children(element, name));
            }
            current = next;
        }
        return current;
    }

    private static Element first(List<Element> elements) {
        return elements.isEmpty() ? null : elements.get(0);
    }

    private static String text(Element element) {
        return element == null ? null : element.getTextContent();
    }

    private static String textOrNull(Element element) {
        return element == null ? null : emptyToNull(element.getTextContent().strip());
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static long bytes(String number, String unit) {
        String wanted = unit == null ? "KiB" : unit.strip();
        // libvirt compares units without regard to letter case ("mib" is MiB, "kb" is KB).
        BigInteger multiplier = UNITS.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(wanted))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (multiplier == null) {
            throw new IllegalArgumentException("oracle has no unit " + unit);
        }
        return new BigInteger(number.strip()).multiply(multiplier).longValueExact();
    }
}
