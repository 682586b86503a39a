package dev.unmanaged.cli.command;

import dev.unmanaged.api.instance.Host;
import java.util.Objects;
import java.util.function.Function;

/**
 * The fields of an import as one source states them (the command line, a plan file's defaults, one item of a
 * plan); null where that source is silent. Sources are layered with {@link #over}.
 */
record ImportFields(String hostUri, String instance, String owner, String offering, String displayName,
                    Integer cpus, Long memoryBytes, String template, Mapping networks, Mapping ips, Mapping pools,
                    Mapping diskOfferings, Boolean regenerateMacs) {
    ImportFields {
        networks = Objects.requireNonNullElse(networks, Mapping.NONE);
        ips = Objects.requireNonNullElse(ips, Mapping.NONE);
        pools = Objects.requireNonNullElse(pools, Mapping.NONE);
        diskOfferings = Objects.requireNonNullElse(diskOfferings, Mapping.NONE);
    }

    static final ImportFields EMPTY = new ImportFields(null, null, null, null, null, null, null, null, null, null,
            null, null, null);

    /** These fields, with {@code lower}'s where these are silent. */
    ImportFields over(ImportFields lower) {
        return new ImportFields(
                first(hostUri, lower.hostUri),
                first(instance, lower.instance),
                first(owner, lower.owner),
                first(offering, lower.offering),
                first(displayName, lower.displayName),
                first(cpus, lower.cpus),
                first(memoryBytes, lower.memoryBytes),
                first(template, lower.template),
                networks.orElse(lower.networks),
                ips.orElse(lower.ips),
                pools.orElse(lower.pools),
                diskOfferings.orElse(lower.diskOfferings),
                first(regenerateMacs, lower.regenerateMacs));
    }

    private static <T> T first(T value, T fallback) {
        return value != null ? value : fallback;
    }

    /** The import these fields state; {@code hosts} turns a URI (or null, for the default host) into a host. */
    ImportSpec toSpec(Function<String, Host> hosts, boolean dryRun) {
        return new ImportSpec(hosts.apply(hostUri), instance, owner, offering, displayName, cpus, memoryBytes,
                template, networks, ips, pools, diskOfferings, Boolean.TRUE.equals(regenerateMacs), dryRun);
    }
}
