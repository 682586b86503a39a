package dev.unmanaged.api.inventory;

import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.internal.Copies;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An instance the orchestrator manages, as its inventory records it. Keyed by {@link #uuid()}.
 *
 * @param uuid        the instance's hypervisor UUID
 * @param name        the instance's name on its host
 * @param displayName the name shown to the owner
 * @param host        the host it runs on
 * @param ownerId     its owner
 * @param offeringId  its compute offering
 * @param templateId  its template / OS type, null when none was given
 * @param vcpus       vCPUs it was imported with
 * @param memoryBytes memory it was imported with
 * @param nics        its NICs with network and address reservations
 * @param disks       its disks with pools and disk offerings
 * @param importedAt  when it was imported
 */
public record ManagedInstance(UUID uuid, String name, String displayName, Host host, String ownerId,
                              String offeringId, @Nullable String templateId, int vcpus, long memoryBytes,
                              List<ManagedNic> nics, List<ManagedDisk> disks, Instant importedAt) {
    public ManagedInstance {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(offeringId, "offeringId");
        Objects.requireNonNull(importedAt, "importedAt");
        displayName = Objects.requireNonNullElse(displayName, name);
        nics = Copies.list(nics);
        disks = Copies.list(disks);
    }

    /** This record with other NICs (e.g. once automatic addresses are allocated). */
    public ManagedInstance withNics(List<ManagedNic> newNics) {
        return new ManagedInstance(uuid, name, displayName, host, ownerId, offeringId, templateId, vcpus, memoryBytes,
                newNics, disks, importedAt);
    }
}
