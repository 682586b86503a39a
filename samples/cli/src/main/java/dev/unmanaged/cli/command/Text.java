package dev.unmanaged.cli.command;

import dev.unmanaged.api.text.Counts;
import java.util.Collection;
import java.util.stream.Collectors;

/** Small wordings shared by the commands' human-readable output. */
final class Text {
    private Text() {
    }

    /** {@code 1 host}, {@code 3 hosts}. */
    static String count(long n, String noun) {
        return Counts.of(n, noun);
    }

    /** yes, no, or - when unknown. */
    static String persistence(Boolean persistent) {
        return persistent == null ? "-" : persistent ? "yes" : "no";
    }

    /** yes/no. */
    static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    /** The items joined with commas, or - when there are none. */
    static String list(Collection<?> items) {
        return items.isEmpty() ? "-" : items.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
