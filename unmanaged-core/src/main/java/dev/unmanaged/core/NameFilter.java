package dev.unmanaged.core;

import java.util.Locale;

/** The name filter of every listing of the facade: a piece of text a name contains, ignoring letter case. */
final class NameFilter {
    private NameFilter() {
    }

    /** True when {@code text} is null or empty, or when any of {@code names} contains it, ignoring letter case. */
    static boolean matches(String text, String... names) {
        if (text == null || text.isEmpty()) {
            return true;
        }
        String wanted = text.toLowerCase(Locale.ROOT);
        for (String name : names) {
            if (name.toLowerCase(Locale.ROOT).contains(wanted)) {
                return true;
            }
        }
        return false;
    }
}
