package dev.unmanaged.api.instance;

import org.jspecify.annotations.Nullable;

/**
 * CPU scheduler tuning ({@code <cputune>} on KVM).
 *
 * @param shares         relative CPU weight, or null when not set
 * @param periodMicros   enforcement period in microseconds, or null when not set
 * @param quotaMicros    CPU time allowed per period in microseconds; null when not set or unlimited
 * @param quotaUnlimited true when the definition says the quota is explicitly unlimited
 */
public record CpuTune(@Nullable Long shares, @Nullable Long periodMicros, @Nullable Long quotaMicros,
                      boolean quotaUnlimited) {
    /** No tuning at all. */
    public static final CpuTune NONE = new CpuTune(null, null, null, false);
}
