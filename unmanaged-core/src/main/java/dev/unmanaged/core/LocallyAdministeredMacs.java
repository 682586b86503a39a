package dev.unmanaged.core;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Locally-administered MAC addresses: fresh ones for NICs whose MAC collides on their network, and recognising them
 * again. The syntax of MACs has its home in {@link dev.unmanaged.api.net.MacAddresses}.
 */
final class LocallyAdministeredMacs {
    private static final int MAX_TRIES = 1_000;
    private static final Random RANDOM = new SecureRandom();

    private LocallyAdministeredMacs() {
    }

    /**
     * A random locally-administered unicast MAC (first octet {@code x2}, {@code x6}, {@code xA} or {@code xE}),
     * in lower case, for which {@code taken} is false.
     *
     * @throws IllegalStateException when no free one was found, which only a nearly full network can cause
     */
    static String freshLocallyAdministered(Predicate<String> taken) {
        for (int i = 0; i < MAX_TRIES; i++) {
            byte[] octets = new byte[6];
            RANDOM.nextBytes(octets);
            octets[0] = (byte) ((octets[0] & 0xfc) | 0x02);
            String mac = format(octets);
            if (!taken.test(mac)) {
                return mac;
            }
        }
        throw new IllegalStateException("no free MAC address found after " + MAX_TRIES + " tries");
    }

    static String format(byte[] octets) {
        var out = new StringBuilder(17);
        for (int i = 0; i < octets.length; i++) {
            if (i > 0) {
                out.append(':');
            }
            out.append(String.format(Locale.ROOT, "%02x", octets[i] & 0xff));
        }
        return out.toString();
    }

    /** True for a MAC whose first octet has the locally-administered bit set and the multicast bit clear. */
    static boolean isLocallyAdministeredUnicast(String mac) {
        int first = Integer.parseInt(mac.substring(0, 2), 16);
        return (first & 0x02) != 0 && (first & 0x01) == 0;
    }
}
