package dev.unmanaged.cli.command;

import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.inventory.ManagedNic;
import dev.unmanaged.api.operation.ManagedQuery;
import dev.unmanaged.api.text.ByteSizes;
import dev.unmanaged.cli.ExitCodes;
import dev.unmanaged.cli.output.HumanOutput;
import dev.unmanaged.cli.output.JsonOutput;
import dev.unmanaged.cli.output.Table;
import dev.unmanaged.cli.session.CommonOptions;
import dev.unmanaged.cli.session.Session;
import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Shows what the inventory manages. */
@Command(name = "inventory", mixinStandardHelpOptions = true,
        description = "Show the instances the inventory manages, with owner, offering, addresses and host.")
public final class InventoryCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Option(names = "--json", description = "Print the managed instances as JSON.")
    private boolean json;

    @Override
    public Integer call() {
        try (Session session = Session.of(common)) {
            List<ManagedInstance> managed = session.instances().listManaged(ManagedQuery.all()).instances();
            if (json) {
                JsonOutput.print(spec.commandLine().getOut(), managed);
                return ExitCodes.OK;
            }
            PrintWriter out = HumanOutput.over(spec.commandLine().getOut());
            Table table = Table.of("NAME", "UUID", "OWNER", "OFFERING", "VCPUS", "MEMORY", "ADDRESSES", "DISKS",
                    "HOST", "IMPORTED");
            for (ManagedInstance m : managed) {
                table.row(m.displayName().equals(m.name()) ? m.name() : m.name() + " (" + m.displayName() + ")",
                        m.uuid(), m.ownerId(), m.offeringId(), m.vcpus(), ByteSizes.forReading(m.memoryBytes()),
                        addresses(m.nics()), m.disks().size(), m.host().id(),
                        m.importedAt().truncatedTo(ChronoUnit.SECONDS));
            }
            if (!table.isEmpty()) {
                table.print(out);
                out.println();
            }
            out.println(Text.count(managed.size(), "managed instance"));
            out.flush();
            return ExitCodes.OK;
        }
    }

    private static String addresses(List<ManagedNic> nics) {
        if (nics.isEmpty()) {
            return "-";
        }
        return nics.stream()
                .map(n -> n.networkId() + ":" + (n.ipAddress() == null ? "no-ip" : n.ipAddress()))
                .collect(Collectors.joining(" "));
    }
}
