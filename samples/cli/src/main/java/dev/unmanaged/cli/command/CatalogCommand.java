package dev.unmanaged.cli.command;

import dev.unmanaged.api.inventory.Catalog;
import dev.unmanaged.api.inventory.CatalogEntry;
import dev.unmanaged.api.inventory.ComputeOffering;
import dev.unmanaged.api.inventory.DiskOffering;
import dev.unmanaged.api.inventory.Network;
import dev.unmanaged.api.inventory.Owner;
import dev.unmanaged.api.inventory.StoragePool;
import dev.unmanaged.api.inventory.Template;
import dev.unmanaged.api.text.ByteSizes;
import dev.unmanaged.cli.ExitCodes;
import dev.unmanaged.cli.output.HumanOutput;
import dev.unmanaged.cli.output.JsonOutput;
import dev.unmanaged.cli.output.Table;
import dev.unmanaged.cli.session.CommonOptions;
import dev.unmanaged.cli.session.Session;
import dev.unmanaged.json.CatalogLoader;
import dev.unmanaged.json.DemoCatalog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Shows the catalog imports map onto, or loads entries into it. */
@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = {"Show the catalog imports map onto, or load entries into it.",
                "Owners, compute offerings, networks, storage pools, disk offerings and templates. With --load, first add or update the entries of a catalog JSON file"
                + " (matched by id; entries it does not name are kept)."})
public final class CatalogCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Option(names = "--load", paramLabel = "FILE", description = "A catalog JSON file to add or update.")
    private Path load;

    @Option(names = "--load-demo",
            description = "Add or update the demo catalog the embedded store is seeded with (e.g. in a new PostgreSQL store).")
    private boolean loadDemo;

    @Option(names = "--json", description = "Print the catalog as JSON.")
    private boolean json;

    @Override
    public Integer call() {
        try (Session session = Session.of(common)) {
            PrintWriter out = spec.commandLine().getOut();
            if (loadDemo) {
                upsert(session, DemoCatalog.catalog(), "the demo catalog");
            }
            if (load != null) {
                upsert(session, CatalogLoader.load(load), load.toString());
            }
            Catalog catalog = session.store().catalog().snapshot();
            if (json) {
                JsonOutput.print(out, catalog);
            } else {
                print(HumanOutput.over(out), catalog);
            }
            return ExitCodes.OK;
        }
    }

    private void upsert(Session session, Catalog loaded, String source) {
        session.store().upsertCatalog(loaded);
        PrintWriter err = HumanOutput.over(spec.commandLine().getErr());
        err.println("Loaded " + source + ": " + summary(loaded) + ".");
        err.flush();
    }

    private static String summary(Catalog c) {
        return String.join(", ", Text.count(c.owners().size(), "owner"),
                Text.count(c.offerings().size(), "compute offering"), Text.count(c.networks().size(), "network"),
                Text.count(c.pools().size(), "storage pool"), Text.count(c.diskOfferings().size(), "disk offering"),
                Text.count(c.templates().size(), "template"));
    }

    private static void print(PrintWriter out, Catalog c) {
        out.println("Owners:");
        Table owners = Table.of("ID", "NAME");
        for (Owner o : c.owners()) {
            owners.row(o.id(), o.name());
        }
        owners.print(out, "  ");

        out.println();
        out.println("Compute offerings:");
        Table offerings = Table.of("ID", "KIND", "VCPUS", "MEMORY", "CPU SPEED", "CAPPED", "OWNERS", "NAME");
        for (ComputeOffering o : c.offerings()) {
            offerings.row(o.id(), o.custom() ? "custom" : "fixed",
                    o.custom() ? o.minVcpus() + "-" + o.maxVcpus() : o.minVcpus(),
                    o.custom() ? ByteSizes.forReading(o.minMemoryBytes()) + " - " + ByteSizes.forReading(o.maxMemoryBytes())
                            : ByteSizes.forReading(o.minMemoryBytes()),
                    CpuText.offeringSpeed(o.minSpeedMhz(), o.maxSpeedMhz()),
                    o.cpuCapped() == null ? null : Text.yesNo(o.cpuCapped()), owners(o), o.name());
        }
        offerings.print(out, "  ");

        out.println();
        out.println("Networks:");
        Table networks = Table.of("ID", "RANGE", "VLAN", "OWNERS", "NAME");
        for (Network n : c.networks()) {
            networks.row(n.id(), n.range().first() + "-" + n.range().last(), n.vlan(), owners(n), n.name());
        }
        networks.print(out, "  ");

        out.println();
        out.println("Storage pools:");
        Table pools = Table.of("ID", "PATH", "HOST POOL", "OWNERS", "NAME");
        for (StoragePool p : c.pools()) {
            pools.row(p.id(), p.path(), p.hostPoolName(), owners(p), p.name());
        }
        pools.print(out, "  ");

        out.println();
        out.println("Disk offerings:");
        Table disks = Table.of("ID", "SIZE", "OWNERS", "NAME");
        for (DiskOffering d : c.diskOfferings()) {
            disks.row(d.id(), d.custom() ? "custom" : ByteSizes.forReading(d.sizeBytes()), owners(d), d.name());
        }
        disks.print(out, "  ");

        out.println();
        out.println("Templates:");
        Table templates = Table.of("ID", "OS TYPE", "OWNERS", "NAME");
        for (Template t : c.templates()) {
            templates.row(t.id(), t.osType(), owners(t), t.name());
        }
        templates.print(out, "  ");
        out.flush();
    }

    private static String owners(CatalogEntry entry) {
        return entry.ownerIds().isEmpty() ? "everyone" : String.join(",", new TreeSet<>(entry.ownerIds()));
    }
}
