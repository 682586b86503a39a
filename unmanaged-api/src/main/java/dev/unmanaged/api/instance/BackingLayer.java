package dev.unmanaged.api.instance;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One layer under a disk's image: the image the disk's own image (a qcow2 overlay, say) reads the blocks it has
 * not written from. A disk's {@link DiskDescriptor#backingChain()} lists them from the nearest layer to the base.
 *
 * @param type     the layer's source kind as the disk's: file, block, network, …
 * @param source   the file path (file), device (block) or image name (network); null when the hypervisor reports
 *                 a layer without naming it
 * @param format   the layer's image format, e.g. qcow2 or raw; null when not reported
 * @param hostPool the host's storage pool that holds the layer; null when none does or it was not looked up
 */
public record BackingLayer(String type, @Nullable String source, @Nullable String format,
                           @Nullable String hostPool) {
    public BackingLayer {
        Objects.requireNonNull(type, "type");
    }

    /** A layer whose host pool was not looked up. */
    public static BackingLayer of(String type, @Nullable String source, @Nullable String format) {
        return new BackingLayer(type, source, format, null);
    }

    /** This layer, held by {@code pool} on the host. */
    public BackingLayer inHostPool(@Nullable String pool) {
        return new BackingLayer(type, source, format, pool);
    }
}
