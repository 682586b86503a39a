package dev.unmanaged.tck;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** MAC addresses for test instances. */
public final class Macs {
    // A random prefix per JVM keeps MACs of concurrent test runs against one real host apart.
    private static final int PREFIX = ThreadLocalRandom.current().nextInt(0x100);
    private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(0x10000));

    private Macs() {
    }

    /** A MAC with the KVM prefix {@code 52:54:00} that this JVM has not handed out before (for 65,536 calls). */
    public static String fresh() {
        int n = NEXT.getAndIncrement() & 0xffff;
        return String.format("52:54:00:%02x:%02x:%02x", PREFIX, n >> 8, n & 0xff);
    }
}
