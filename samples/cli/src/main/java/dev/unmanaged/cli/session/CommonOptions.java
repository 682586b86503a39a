package dev.unmanaged.cli.session;

import picocli.CommandLine.Option;

/** Options every command that touches the inventory accepts. */
public final class CommonOptions {
    @Option(names = "--store", paramLabel = "JDBC_URL",
            description = "The inventory database, e.g. jdbc:postgresql://db:5432/unmanaged?user=u&password=p."
                    + " Default: the embedded H2 database under $UNMANAGED_HOME (seeded with a demo catalog).")
    String storeUrl;

    @Option(names = "--debug", description = "Show library logs and stack traces.")
    boolean debug;

    /** True with --debug. */
    public boolean debug() {
        return debug;
    }

    /** The --store value, or null for the default store. */
    public String storeUrl() {
        return storeUrl;
    }
}
