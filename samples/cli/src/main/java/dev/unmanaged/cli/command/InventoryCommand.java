package dev.unmanaged.cli.command;

import dev.unmanaged.api.inventory.ManagedCpu;
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
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Shows what the inventory manages. */
@Command(name = "inventory", mixinStandardHelpOptions = true,
        description = "Show the instances the inventory manages, with owner, offering, CPU, addresses and host.")
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
            Table table = Table.of("NAME", "UUID", "OWNER", "OFFERING", "VCPUS", "MEMORY", "CPU", "RESIZE",
                    "ADDRESSES", "DISKS", "HOST", "IMPORTED");
            for (ManagedInstance m : managed) {
                table.row(m.displayName().equals(m.name()) ? m.name() : m.name() + " (" + m.displayName() + ")",
                        m.uuid(), m.ownerId(), m.offeringId(), m.vcpus(), ByteSizes.forReading(m.memoryBytes()),
                        cpu(m.cpu()), m.resizePendingAtStart() ? "next start" : null, addresses(m.nics()), m.disks().size(), m.host().id(),
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

    /** Mode, model, topology, speed and cap, as far as known; null when nothing is. */
    private static String cpu(ManagedCpu cpu) {
        String joined = Stream.of(cpu.mode(), cpu.model(),
                        CpuText.topology(cpu.sockets(), cpu.dies(), cpu.cores(), cpu.threads()),
                        CpuText.sizing(cpu.speedMhz(), cpu.cap()))
                .filter(part -> part != null && !part.isEmpty()).collect(Collectors.joining(", "));
        return joined.isEmpty() ? null : joined;
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
