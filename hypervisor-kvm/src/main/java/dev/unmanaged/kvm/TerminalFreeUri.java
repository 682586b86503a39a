package dev.unmanaged.kvm;

import java.util.Locale;

/**
 * The libvirt URI to open, made unable to prompt on a terminal. Over the {@code ssh} transport libvirt runs the
 * {@code ssh} command, which asks for a password or passphrase on the controlling terminal when no key or agent
 * logs it in: a provider call would then hang on a prompt nobody answers (or one the embedding application's
 * user sees). libvirt's {@code no_tty=1} makes it run {@code ssh -T -o BatchMode=yes}, which fails instead.
 * A URI that sets {@code no_tty} itself is left as it is.
 */
final class TerminalFreeUri {
    private TerminalFreeUri() {
    }

    static String of(String uri) {
        int colon = uri.indexOf(':');
        if (colon < 0 || !uri.substring(0, colon).toLowerCase(Locale.ROOT).endsWith("+ssh")) {
            return uri;
        }
        int query = uri.indexOf('?');
        if (query >= 0) {
            for (String parameter : uri.substring(query + 1).split("&")) {
                if (parameter.startsWith("no_tty=") || parameter.equals("no_tty")) {
                    return uri;
                }
            }
            return uri + (uri.endsWith("?") || uri.endsWith("&") ? "" : "&") + "no_tty=1";
        }
        return uri + "?no_tty=1";
    }
}
