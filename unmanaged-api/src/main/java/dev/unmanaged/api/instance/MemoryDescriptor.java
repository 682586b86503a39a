package dev.unmanaged.api.instance;

/**
 * Memory of an instance, in bytes.
 *
 * @param maxBytes     the maximum memory the instance was given
 * @param currentBytes the memory it has now (balloon target); equals {@code maxBytes} when not set
 */
public record MemoryDescriptor(long maxBytes, long currentBytes) {
    public MemoryDescriptor {
        if (maxBytes <= 0 || currentBytes <= 0 || currentBytes > maxBytes) {
            throw new IllegalArgumentException(
                    "memory must be positive with current <= max, got max=" + maxBytes + " current=" + currentBytes);
        }
    }

    /** Memory with the same maximum and current size. */
    public static MemoryDescriptor ofBytes(long bytes) {
        return new MemoryDescriptor(bytes, bytes);
    }

    /** Memory of {@code mebibytes} MiB. */
    public static MemoryDescriptor ofMebibytes(long mebibytes) {
        return ofBytes(Math.multiplyExact(mebibytes, 1024L * 1024L));
    }
}
