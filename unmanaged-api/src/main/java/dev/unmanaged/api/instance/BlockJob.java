package dev.unmanaged.api.instance;

import java.util.Objects;

/**
 * A block job running on a disk: the hypervisor is copying, committing or pulling the disk's data, so its image
 * files are about to change.
 *
 * @param type   {@code pull}, {@code copy}, {@code commit}, {@code active-commit}, {@code backup}, or
 *               {@code unknown} for a kind the provider does not know
 * @param cursor how far it is, in the job's own unit (bytes for KVM), never negative
 * @param end    where it ends in that unit; 0 when not yet known
 */
public record BlockJob(String type, long cursor, long end) {
    public BlockJob {
        Objects.requireNonNull(type, "type");
        if (cursor < 0 || end < 0) {
            throw new IllegalArgumentException("block job progress must not be negative: " + cursor + "/" + end);
        }
    }
}
