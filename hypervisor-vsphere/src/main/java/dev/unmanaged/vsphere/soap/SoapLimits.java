package dev.unmanaged.vsphere.soap;

/**
 * Bounds on one SOAP response, so that a hostile or broken endpoint cannot exhaust memory or the stack.
 *
 * @param maxResponseBytes the most bytes one response may have
 * @param maxElementDepth  the deepest element nesting accepted
 */
public record SoapLimits(long maxResponseBytes, int maxElementDepth) {
    /** 256 MiB (a page of a few thousand VMs with many devices stays far below) and 64 levels. */
    public static final SoapLimits DEFAULT = new SoapLimits(256L << 20, 64);

    public SoapLimits {
        if (maxResponseBytes < 1 || maxElementDepth < 4) {
            throw new IllegalArgumentException("maxResponseBytes must be >= 1 and maxElementDepth >= 4, got "
                    + maxResponseBytes + " and " + maxElementDepth);
        }
    }
}
