package dev.unmanaged.reliability.support;

import java.util.List;

/** Names and paths built to break whatever would pass them to a shell, a log file or a fixed-size column. */
public final class HostileValues {
    private HostileValues() {
    }

    /** A hostile value with a label for test names. */
    public record Hostile(String label, String value) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** VM names. */
    public static final List<Hostile> NAMES = List.of(
            new Hostile("spaces", "my web server"),
            new Hostile("single quote", "it's-o'clock"),
            new Hostile("double quote", "say \"cheese\""),
            new Hostile("command substitution", "$(touch /tmp/unmanaged-pwned)"),
            new Hostile("backticks", "`touch /tmp/unmanaged-pwned`"),
            new Hostile("semicolons", "a;touch /tmp/unmanaged-pwned;b"),
            new Hostile("newline", "first line\nINFO forged log line"),
            new Hostile("carriage return and tab", "cr\rtab\tend"),
            new Hostile("unicode", "serveur-été-東京-😀"),
            new Hostile("1,000 characters", "x".repeat(1_000)),
            new Hostile("markup and ampersand", "<b>&amp;</b>"),
            new Hostile("glob and pipe", "*|?>&<"));

    /** The pool directory the fixture catalog's images pool covers. */
    public static final String POOL_DIR = "/var/lib/fake/images/";

    /** A disk path under the images pool that carries {@code name}'s hostility in a directory name too. */
    public static String diskPath(Hostile name) {
        String safeForPath = name.value().replace('/', '_');
        if (safeForPath.length() > 200) {
            safeForPath = safeForPath.substring(0, 200);
        }
        return POOL_DIR + "dir with space;$(id)`id`/" + safeForPath + ".qcow2";
    }
}
