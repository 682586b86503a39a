package dev.unmanaged.kvm.xml;

import dev.unmanaged.api.instance.BackingLayer;
import dev.unmanaged.api.instance.DiskDescriptor;
import dev.unmanaged.kvm.xml.model.BackingStoreXml;
import dev.unmanaged.kvm.xml.model.DiskXml;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <disk>} to {@link DiskDescriptor}. Every disk element becomes a descriptor whatever its type, device,
 * bus or format: unknown values are carried as written. libvirt's defaults apply to an absent {@code type}
 * ({@code file}) and {@code device} ({@code disk}). Credentials never reach the descriptor: the model does not
 * bind {@code <auth>}, cookies or URL queries, and a network image name loses any {@code ?query}.
 */
final class DiskMapping {
    private DiskMapping() {
    }

    static DiskDescriptor map(DiskXml disk) {
        String type = disk.type() == null ? "file" : Values.text(disk.type());
        String device = disk.device() == null ? "disk" : Values.text(disk.device());
        DiskSource source = disk.source() == null ? null : DiskSource.of(disk.type(), disk.source());
        String deviceName = disk.target() == null ? null : Values.text(disk.target().dev());
        String bus = disk.target() == null ? null : Values.text(disk.target().bus());
        String driverType = disk.driver() == null ? null : Values.text(disk.driver().type());
        String cache = disk.driver() == null ? null : Values.text(disk.driver().cache());
        Integer bootOrder = disk.boot() == null ? null
                : Values.bootOrder(field(deviceName, "<boot order>"), disk.boot().order());
        return DiskDescriptor.builder().device(device).type(type).driverType(driverType).cache(cache)
                .source(source == null ? null : source.location())
                .protocol(source == null ? null : source.protocol())
                .hosts(source == null ? List.of() : source.hosts())
                .deviceName(deviceName).bus(bus).serial(serial(disk.serial())).readOnly(disk.readOnly())
                .shareable(disk.shareable()).bootOrder(bootOrder).backingChain(backingChain(disk.backingStore()))
                .build();
    }

    /** The layers from the nearest to the base; the model's nesting is bounded by the parser's depth limit. */
    static List<BackingLayer> backingChain(BackingStoreXml first) {
        List<BackingLayer> chain = new ArrayList<>();
        for (BackingStoreXml layer = first; layer != null && !endsChain(layer); layer = layer.backingStore()) {
            String type = layer.type() == null ? "file" : Values.text(layer.type());
            DiskSource source = layer.source() == null ? null : DiskSource.of(layer.type(), layer.source());
            String format = layer.format() == null ? null : Values.text(layer.format().type());
            chain.add(BackingLayer.of(type, source == null ? null : source.location(), format));
        }
        return chain;
    }

    private static boolean endsChain(BackingStoreXml layer) {
        return layer.type() == null && layer.source() == null && layer.format() == null;
    }

    /** The serial exactly as written: leading blanks can be part of a drive's serial (e.g. padded ATA serials). */
    private static String serial(String raw) {
        return raw == null || raw.isEmpty() ? null : raw;
    }

    private static String field(String deviceName, String child) {
        return deviceName == null ? "<disk>" + child : "<disk> with target " + deviceName + " " + child;
    }
}
