package dev.unmanaged.api.text;

/** Counted nouns in plain English for messages: {@code 1 vCPU}, {@code 2 vCPUs}. */
public final class Counts {
    private Counts() {
    }

    /**
     * {@code n} and {@code noun}, with an "s" unless {@code n} is 1.
     *
     * @param n    the count
     * @param noun the singular noun, which takes a plain "s" in the plural (vCPU, host, instance)
     */
    public static String of(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
