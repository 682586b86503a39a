package dev.unmanaged.api.instance;

import org.jspecify.annotations.Nullable;

/**
 * How much of a host resource an instance is guaranteed, may use at most, and weighs against others, as the
 * hypervisor defines it (vSphere's {@code ResourceAllocationInfo}). The unit is the resource's: MHz for CPU,
 * bytes for memory.
 *
 * @param reservation the amount guaranteed, at least 0; null when not set
 * @param limit       the most the instance may use, at least 0; null when unlimited or not set
 * @param shares      the relative weight against other instances, at least 0; null when not set
 */
public record ResourceAllocation(@Nullable Long reservation, @Nullable Long limit, @Nullable Long shares) {
    public ResourceAllocation {
        requireNotNegative("reservation", reservation);
        requireNotNegative("limit", limit);
        requireNotNegative("shares", shares);
    }

    private static void requireNotNegative(String field, @Nullable Long value) {
        if (value != null && value < 0) {
            throw new IllegalArgumentException(field + " must be at least 0 or null, got " + value);
        }
    }
}
