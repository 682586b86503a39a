package dev.unmanaged.cli.command;

import java.util.ArrayList;
import java.util.List;

/** The wording of CPU topology, speed and cap, shared by the commands that show them. */
final class CpuText {
    private CpuText() {
    }

    /** {@code 1 socket x 1 die x 2 cores x 2 threads}; empty when no topology is known (no sockets). */
    static String topology(Integer sockets, Integer dies, Integer cores, Integer threads) {
        if (sockets == null) {
            return "";
        }
        return Text.count(sockets, "socket") + " x " + Text.count(orOne(dies), "die") + " x "
                + Text.count(orOne(cores), "core") + " x " + Text.count(orOne(threads), "thread");
    }

    /** {@code 2000 MHz per vCPU, capped at 50% of a vCPU}; each part only when known, empty when neither is. */
    static String sizing(Integer speedMhz, Double cap) {
        List<String> parts = new ArrayList<>();
        if (speedMhz != null) {
            parts.add(speedMhz + " MHz per vCPU");
        }
        if (cap != null) {
            parts.add("capped at " + Math.round(cap * 100) + "% of a vCPU");
        }
        return String.join(", ", parts);
    }

    /** The speed of an offering: one speed, bounds, or null when it states none. */
    static String offeringSpeed(Integer min, Integer max) {
        if (min == null && max == null) {
            return null;
        }
        if (min != null && min.equals(max)) {
            return min + " MHz";
        }
        return (min == null ? "" : min) + "-" + (max == null ? "" : max) + " MHz";
    }

    private static int orOne(Integer count) {
        return count == null ? 1 : count;
    }
}
