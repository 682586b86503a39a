package dev.unmanaged.kvm.xml;

import dev.unmanaged.api.instance.GraphicsDescriptor;
import dev.unmanaged.kvm.xml.model.GraphicsXml;
import dev.unmanaged.kvm.xml.model.ListenXml;

/**
 * {@code <graphics>} to {@link GraphicsDescriptor}: a password is only ever "set"; port -1 (libvirt's
 * "allocate automatically") is no port; the listen address is the {@code listen} attribute, else the first
 * {@code <listen>} element with an address.
 */
final class GraphicsMapping {
    private GraphicsMapping() {
    }

    static GraphicsDescriptor map(GraphicsXml graphics) {
        String type = Values.text(graphics.type());
        Integer port = Values.intIn("<graphics type='" + type + "'> port", graphics.port(), -1, 65535,
                "a TCP port from 0 to 65535, or -1 for automatic");
        if (port != null && port == -1) {
            port = null;
        }
        return new GraphicsDescriptor(type, port, listen(graphics), graphics.passwordSet());
    }

    private static String listen(GraphicsXml graphics) {
        String attribute = Values.text(graphics.listenAddress());
        if (attribute != null) {
            return attribute;
        }
        for (ListenXml listen : graphics.listens()) {
            String address = Values.text(listen.address());
            if (address != null) {
                return address;
            }
        }
        return null;
    }
}
