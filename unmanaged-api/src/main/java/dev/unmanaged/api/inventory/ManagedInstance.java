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
 * @param cpu         CPU topology, mode, model, speed and cap it was imported with; {@link ManagedCpu#UNKNOWN}
 *                    when not known (also for a null given to the constructor)
 * @param resizePendingAtStart true when the record's size (vCPUs, memory, CPU speed or cap) differs from the
 *                    instance's definition at import, so the instance takes the recorded size at its next start
 */
public record ManagedInstance(UUID uuid, String name, String displayName, Host host, String ownerId,
                              String offeringId, @Nullable String templateId, int vcpus, long memoryBytes,
                              List<ManagedNic> nics, List<ManagedDisk> disks, Instant importedAt,
                              ManagedCpu cpu, boolean resizePendingAtStart) {
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
        cpu = Objects.requireNonNullElse(cpu, ManagedCpu.UNKNOWN);
    }

    /** A record without CPU details ({@link ManagedCpu#UNKNOWN}) and no resize pending. */
    public ManagedInstance(UUID uuid, String name, String displayName, Host host, String ownerId, String offeringId,
                           @Nullable String templateId, int vcpus, long memoryBytes, List<ManagedNic> nics,
                           List<ManagedDisk> disks, Instant importedAt) {
        this(uuid, name, displayName, host, ownerId, offeringId, templateId, vcpus, memoryBytes, nics, disks,
                importedAt, ManagedCpu.UNKNOWN, false);
    }

    /** This record with the CPU details it was imported with and whether a resize waits for the next start. */
    public ManagedInstance withCpu(ManagedCpu newCpu, boolean resizePending) {
        return new ManagedInstance(uuid, name, displayName, host, ownerId, offeringId, templateId, vcpus, memoryBytes,
                nics, disks, importedAt, newCpu, resizePending);
    }

    /** This record with other NICs (e.g. once automatic addresses are allocated). */
    public ManagedInstance withNics(List<ManagedNic> newNics) {
        return new ManagedInstance(uuid, name, displayName, host, ownerId, offeringId, templateId, vcpus, memoryBytes,
                newNics, disks, importedAt, cpu, resizePendingAtStart);
    }
}
