package dev.unmanaged.api.text;

import org.jspecify.annotations.Nullable;

/**
 * The user part of an address ({@code user:password@host}): the one answer to whether an address carries a
 * password there, for whoever refuses such addresses and for {@link SecretRedaction}, which masks that password.
 */
public final class UserInfo {
    private static final String ENCODED_COLON = "%3A";

    private UserInfo() {
    }

    /**
     * Whether {@code address} carries a password in its user part.
     *
     * <p>The authority starts after the first {@code //} when that comes before the first {@code @}
     * ({@code scheme://…}); otherwise at the first character that is not whitespace (a bare
     * {@code user:password@host}, as a driver quotes a host it could not resolve). It ends at the first
     * {@code /}, {@code ?}, {@code #} or whitespace. Its user part is what comes before its last {@code @}. That
     * user part holds a password when it has a colon, written as such or percent-encoded ({@code %3A} in any
     * letter case, which {@link java.net.URI#getUserInfo()} decodes to a colon): everything after the first
     * colon is a password, also when it is empty ({@code user:@host}), since it is where a password goes.
     *
     * <p>So {@code qemu+ssh://root:pw@h/system}, {@code root:pw@h}, {@code https://user:@h/sdk} and
     * {@code vsphere://ops%3Apw@vc} hold one; {@code qemu+ssh://root@h/system}, {@code qemu+tcp://[::1]/system}
     * and {@code test:///path:with:colons} do not. {@link SecretRedaction#redact(String)} masks the password of
     * every address for which this is true.
     */
    public static boolean holdsPassword(String address) {
        return password(address) != null;
    }

    /** {@code address} with the password {@link #holdsPassword} finds replaced by {@code mask}. */
    static String withPasswordMasked(String address, String mask) {
        Span password = password(address);
        if (password == null) {
            return address;
        }
        return address.substring(0, password.start()) + mask + address.substring(password.end());
    }

    /** Where the password of the address's user part is, as {@link #holdsPassword} reads it; null when none. */
    private static @Nullable Span password(String address) {
        int firstAt = address.indexOf('@');
        if (firstAt < 0) {
            return null;
        }
        int slashes = address.indexOf("//");
        int start = slashes >= 0 && slashes < firstAt ? slashes + 2 : firstNonWhitespace(address);
        int end = start;
        while (end < address.length() && !endsAuthority(address.charAt(end))) {
            end++;
        }
        int userEnd = address.lastIndexOf('@', end - 1);
        for (int i = start; i < userEnd; i++) {
            if (address.charAt(i) == ':') {
                return new Span(i + 1, userEnd);
            }
            if (address.regionMatches(true, i, ENCODED_COLON, 0, ENCODED_COLON.length())
                    && i + ENCODED_COLON.length() <= userEnd) {
                return new Span(i + ENCODED_COLON.length(), userEnd);
            }
        }
        return null;
    }

    private static int firstNonWhitespace(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean endsAuthority(char c) {
        return c == '/' || c == '?' || c == '#' || Character.isWhitespace(c);
    }

    /** A password's place in an address: from {@code start} to {@code end}, exclusive; it may be empty. */
    private record Span(int start, int end) {
    }
}
