package dev.unmanaged.api.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * IPv6 addresses in their one canonical text form (RFC 5952: lower-case hexadecimal, no leading zeros, the
 * longest run of two or more zero groups shortened to {@code ::}, the first such run when two are as long), so
 * that the same address reported by two sources — {@code virsh domifaddr}, VMware Tools, a guest agent — compares
 * equal as text.
 *
 * <p>Parsing is done here, not by {@link java.net.InetAddress}, so that text from a host never causes a name
 * lookup and a zone ({@code %eth0}) or a bracketed form is refused rather than interpreted.
 */
public final class Ipv6Addresses {
    private static final int GROUPS = 8;

    private Ipv6Addresses() {
    }

    /**
     * Whether {@code text} is an IPv6 address in any standard text form (full, shortened with {@code ::}, or with
     * the last 32 bits as a dotted quad), in either case.
     */
    public static boolean isValid(@Nullable String text) {
        return groups(text) != null;
    }

    /**
     * The canonical form of {@code text}.
     *
     * @return e.g. {@code 2001:db8::5} for {@code 2001:0DB8:0:0:0:0:0:5}; null when {@code text} is not an IPv6
     *         address
     */
    public static @Nullable String canonical(@Nullable String text) {
        int[] groups = groups(text);
        return groups == null ? null : canonical(groups);
    }

    /**
     * The canonical form of the 16 bytes of an address, in network order.
     *
     * @throws IllegalArgumentException when {@code bytes} is not 16 bytes long
     */
    public static String canonical(byte[] bytes) {
        if (bytes.length != 2 * GROUPS) {
            throw new IllegalArgumentException("an IPv6 address has 16 bytes, not " + bytes.length);
        }
        int[] groups = new int[GROUPS];
        for (int i = 0; i < GROUPS; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        return canonical(groups);
    }

    private static String canonical(int[] groups) {
        int bestStart = -1;
        int bestLength = 1; // a single zero group is never shortened
        for (int i = 0; i < GROUPS; i++) {
            int length = 0;
            while (i + length < GROUPS && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < GROUPS; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    /** The eight 16-bit groups of {@code text}, or null when it is not an IPv6 address. */
    private static int @Nullable [] groups(@Nullable String text) {
        if (text == null || text.length() < 2 || text.length() > 45 || text.indexOf(':') < 0) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        int gap = lower.indexOf("::");
        if (gap >= 0 && lower.indexOf("::", gap + 1) >= 0) {
            return null; // "::" may stand for one run of zeros only
        }
        List<Integer> head = gap < 0 ? parts(lower, true) : parts(lower.substring(0, gap), false);
        List<Integer> tail = gap < 0 ? List.of() : parts(lower.substring(gap + 2), true);
        if (head == null || tail == null) {
            return null;
        }
        int given = head.size() + tail.size();
        if (gap < 0 ? given != GROUPS : given > GROUPS - 1) {
            return null;
        }
        int[] groups = new int[GROUPS];
        for (int i = 0; i < head.size(); i++) {
            groups[i] = head.get(i);
        }
        for (int i = 0; i < tail.size(); i++) {
            groups[GROUPS - tail.size() + i] = tail.get(i);
        }
        return groups;
    }

    /**
     * The groups of a colon-separated run ({@code ""} is none); the last part may be a dotted quad (two groups)
     * when {@code quadAllowed}.
     */
    private static @Nullable List<Integer> parts(String run, boolean quadAllowed) {
        List<Integer> groups = new ArrayList<>();
        if (run.isEmpty()) {
            return groups;
        }
        String[] parts = run.split(":", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (quadAllowed && i == parts.length - 1 && part.indexOf('.') >= 0) {
                if (!Ipv4Addresses.isValid(part)) {
                    return null;
                }
                long number = Ipv4Addresses.toNumber(part);
                groups.add((int) (number >>> 16));
                groups.add((int) (number & 0xffff));
                continue;
            }
            if (part.isEmpty() || part.length() > 4) {
                return null;
            }
            int value = 0;
            for (int k = 0; k < part.length(); k++) {
                int digit = Character.digit(part.charAt(k), 16);
                if (digit < 0 || part.charAt(k) > 'f') {
                    return null;
                }
                value = value * 16 + digit;
            }
            groups.add(value);
        }
        return groups;
    }
}
