package dev.unmanaged.core;

/** Sizes written for people, keeping the exact byte count for programs that compare. */
final class Sizes {
    private static final long MIB = 1024L * 1024L;

    private Sizes() {
    }

    /** e.g. {@code 2048 MiB (2147483648 bytes)}; a size that is not whole MiB shows bytes only. */
    static String bytes(long bytes) {
        return bytes % MIB == 0 ? (bytes / MIB) + " MiB (" + bytes + " bytes)" : bytes + " bytes";
    }
}
