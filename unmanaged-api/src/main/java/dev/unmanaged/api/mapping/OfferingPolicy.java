package dev.unmanaged.api.mapping;

/** How an instance's compute offering is chosen when its request names none. */
public enum OfferingPolicy {
    /** A custom offering sized to the instance: the narrowest one the owner may use whose bounds hold it. */
    CUSTOM,
    /**
     * The smallest fixed offering the owner may use whose vCPUs and memory equal the instance's exactly (fewest
     * vCPUs, then least memory, then lowest id).
     */
    SMALLEST_FIXED
}
