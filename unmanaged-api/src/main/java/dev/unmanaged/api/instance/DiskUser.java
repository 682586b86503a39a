package dev.unmanaged.api.instance;

import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Another instance of the same host whose disk has the same source as this disk.
 *
 * @param instanceName the other instance's name on the host
 * @param uuid         its UUID, null when it has none
 * @param shareable    true when the other instance's disk declares itself shareable (KVM's {@code <shareable/>})
 */
public record DiskUser(String instanceName, @Nullable UUID uuid, boolean shareable) {
    public DiskUser {
        Objects.requireNonNull(instanceName, "instanceName");
    }
}
