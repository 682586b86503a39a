package dev.unmanaged.kvm.xml;

import dev.unmanaged.kvm.xml.model.DiskSourceXml;
import dev.unmanaged.kvm.xml.model.NetworkHostXml;

import java.util.List;
import java.util.Objects;

/**
 * The source of a disk, one variant per libvirt disk {@code type}. {@link #location()} is what a user calls
 * "the source": the file, the device, the directory, the image name, {@code pool/volume}, …
 */
sealed interface DiskSource {
    /** Where the data lives, in the variant's own terms; null when the document does not say. */
    String location();

    /** The network protocol, for network disks only. */
    default String protocol() {
        return null;
    }

    /** {@code host[:port]} endpoints, for network disks only. */
    default List<String> hosts() {
        return List.of();
    }

    /** Picks the variant named by a disk's {@code type} attribute (libvirt's default is {@code file}). */
    static DiskSource of(String type, DiskSourceXml xml) {
        String kind = type == null ? "file" : type;
        return switch (kind) {
            case "file" -> new File(xml.file());
            case "block" -> new Block(xml.dev());
            case "dir" -> new Dir(xml.dir());
            case "network" -> new Network(xml.protocol(), xml.name(),
                    xml.hosts().stream().map(NetworkHostXml::endpoint).filter(Objects::nonNull).toList());
            case "volume" -> new Volume(xml.pool(), xml.volume());
            case "nvme" -> new Nvme(PciAddresses.format(xml.address()), xml.namespace());
            case "vhostuser" -> new VhostUser(xml.path());
            case "vhostvdpa" -> new Block(xml.dev());
            default -> new Other(kind, firstNonNull(xml.file(), xml.dev(), xml.dir(), xml.path(), xml.name()));
        };
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** {@code type='file'}: an image file on the host. */
    record File(String path) implements DiskSource {
        @Override
        public String location() {
            return path;
        }
    }

    /** {@code type='block'} (and {@code vhostvdpa}): a host block or character device. */
    record Block(String device) implements DiskSource {
        @Override
        public String location() {
            return device;
        }
    }

    /** {@code type='dir'}: a host directory exposed as a disk. */
    record Dir(String directory) implements DiskSource {
        @Override
        public String location() {
            return directory;
        }
    }

    /**
     * {@code type='network'}: an image served by rbd, iscsi, nbd, http, …. The name is kept without any
     * {@code ?query}, which may hold a token.
     */
    record Network(String protocol, String name, List<String> hosts) implements DiskSource {
        // protocol() and hosts() are the record accessors, overriding the interface defaults.
        public Network {
            name = withoutQuery(name);
            hosts = List.copyOf(hosts);
        }

        @Override
        public String location() {
            return name;
        }

        private static String withoutQuery(String name) {
            if (name == null) {
                return null;
            }
            int query = name.indexOf('?');
            return query < 0 ? name : name.substring(0, query);
        }
    }

    /** {@code type='volume'}: a volume of a libvirt storage pool, located as {@code pool/volume}. */
    record Volume(String pool, String volume) implements DiskSource {
        @Override
        public String location() {
            if (pool == null) {
                return volume;
            }
            return volume == null ? pool : pool + "/" + volume;
        }
    }

    /** {@code type='nvme'}: a namespace of a host NVMe controller, located as {@code pci-address/namespace}. */
    record Nvme(String pciAddress, String namespace) implements DiskSource {
        @Override
        public String location() {
            if (pciAddress == null) {
                return null;
            }
            return namespace == null ? pciAddress : pciAddress + "/" + namespace;
        }
    }

    /** {@code type='vhostuser'}: a vhost-user socket. */
    record VhostUser(String socketPath) implements DiskSource {
        @Override
        public String location() {
            return socketPath;
        }
    }

    /** A type this model does not know; the first path-like attribute is kept as the location. */
    record Other(String type, String location) implements DiskSource {
    }
}
