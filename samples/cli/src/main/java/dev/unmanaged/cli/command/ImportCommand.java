package dev.unmanaged.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.unmanaged.api.error.ImportRejectedException;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.api.inventory.StoragePool;
import dev.unmanaged.api.operation.BulkOutcome;
import dev.unmanaged.api.operation.BulkResult;
import dev.unmanaged.api.operation.ImportPlan;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.ImportResult;
import dev.unmanaged.api.operation.IpAssignment;
import dev.unmanaged.api.text.ByteSizes;
import dev.unmanaged.api.text.SafeText;
import dev.unmanaged.cli.ExitCodes;
import dev.unmanaged.cli.output.ErrorOutput;
import dev.unmanaged.cli.output.HumanOutput;
import dev.unmanaged.cli.output.JsonOutput;
import dev.unmanaged.cli.session.CommonOptions;
import dev.unmanaged.cli.session.Session;
import dev.unmanaged.core.UnmanagedInstances;
import dev.unmanaged.json.UnmanagedJson;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Imports one unmanaged instance, or many from a plan file; or, with --dry-run, shows the plan only. */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Import unmanaged instances into the inventory (or plan it with --dry-run).",
                "An instance is mapped onto an offering, networks, IP addresses and storage pools. Every problem is reported at once; nothing is written unless the"
                + " whole import can go ahead.",
                "With --dry-run, show the plan only: every problem with its code, or what would be recorded.",
                "With --plan FILE, import many instances from a JSON plan file (see docs/cli.md), --parallel at a"
                        + " time; the options below then act as defaults for every import of the file.",
                "With --all --map FILE, import every unmanaged instance of the --connect hosts, mapped by the map"
                        + " file's rules (see docs/cli.md); with --dry-run, show every plan.",
                "A mapping without DEVICE= applies to every NIC (or disk) not named otherwise.",
                "Exit status 0 when everything was (or would be) imported, 1 when anything was refused."})
public final class ImportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "NAME|UUID", arity = "0..1", description = "The instance on the host.")
    private String instance;

    @Option(names = "--connect", paramLabel = "URI",
            description = "The host's libvirt URI or vsphere:// address; with --all, repeat for several hosts. Default (or 'demo'): the"
                    + " demo host.")
    private List<String> connect;

    @Option(names = "--all", description = "Import every unmanaged instance of the hosts, mapped by --map.")
    private boolean all;

    @Option(names = "--map", paramLabel = "FILE",
            description = "With --all: the JSON map file of network and pool rules and the offering policy.")
    private Path map;

    @Option(names = "--select", paramLabel = "GLOB",
            description = "With --all: only instances whose name matches GLOB (* and ?).")
    private String select;

    @Option(names = "--state", paramLabel = "STATE", split = ",",
            description = "With --all: only instances in these states: ${COMPLETION-CANDIDATES}.")
    private Set<PowerState> states;

    @Option(names = "--owner", paramLabel = "ID", description = "The owner the instance will belong to.")
    private String owner;

    @Option(names = "--offering", paramLabel = "ID", description = "The compute offering.")
    private String offering;

    @Option(names = "--cpus", paramLabel = "N", description = "vCPUs, for a custom offering (default: the instance's).")
    private Integer cpus;

    @Option(names = "--memory", paramLabel = "SIZE",
            description = "Memory for a custom offering, e.g. 4GiB or 512MiB (default: the instance's).")
    private String memory;

    @Option(names = "--display-name", paramLabel = "NAME", description = "The name shown to the owner.")
    private String displayName;

    @Option(names = "--template", paramLabel = "ID", description = "The template / OS type to record.")
    private String template;

    @Option(names = "--network", paramLabel = "[MAC=]NETWORK", description = "Map a NIC onto a network.")
    private List<String> networks;

    @Option(names = "--ip", paramLabel = "[MAC=]ADDRESS|auto|current",
            description = "Give a NIC a fixed address, 'auto' for a free one of its network, or 'current' for the"
                    + " one its running guest uses now.")
    private List<String> ips;

    @Option(names = "--pool", paramLabel = "[DEV=]POOL", description = "Map a disk (e.g. vda, scsi0:1) onto a storage pool; POOL alone for every disk not named, 'auto' for the catalog pool of the host pool each disk lies in.")
    private List<String> pools;

    @Option(names = "--disk-offering", paramLabel = "[DEV=]ID", description = "Map a disk onto a disk offering.")
    private List<String> diskOfferings;

    @Option(names = "--regenerate-macs",
            description = "Record a fresh MAC for a NIC whose MAC is already in use on its network, instead of refusing.")
    private boolean regenerateMacs;

    @Option(names = "--dry-run", description = "Validate and show the plan; write nothing.")
    private boolean dryRun;

    @Option(names = "--plan", paramLabel = "FILE", description = "Import the instances of a JSON plan file.")
    private Path plan;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
            description = "With --plan: how many imports run at once (default ${DEFAULT-VALUE}).")
    private int parallel;

    @Option(names = "--json", description = "Print the plan, result or bulk outcomes as JSON.")
    private boolean json;

    @Mixin
    private CommonOptions common;

    @Override
    public Integer call() throws InterruptedException {
        OptionValues.requireAtLeastOne(spec, "--parallel", parallel);
        if (all) {
            return importAll();
        }
        if ((instance == null) == (plan == null)) {
            throw new ParameterException(spec.commandLine(),
                    "expected either an instance (NAME|UUID), --plan FILE or --all, "
                            + (plan == null ? "found none" : "found both an instance and --plan"));
        }
        if (map != null || select != null || states != null) {
            throw new ParameterException(spec.commandLine(), "--map, --select and --state go with --all only");
        }
        if (connect != null && connect.size() > 1) {
            throw new ParameterException(spec.commandLine(), "--connect: found " + connect.size()
                    + " hosts, expected one (several go with --all)");
        }
        OptionValues.requireNotBlank(spec, "NAME|UUID", instance);
        OptionValues.requireAtLeastOne(spec, "--cpus", cpus);
        ImportFields fromCommandLine = commandLineFields();
        try (Session session = Session.of(common)) {
            session.bulkConcurrency(parallel);
            return plan == null ? importOne(session, fromCommandLine) : importPlan(session, fromCommandLine);
        }
    }

    /** --all: every unmanaged instance of the hosts, under the map file. */
    private int importAll() throws InterruptedException {
        if (instance != null || plan != null) {
            throw new ParameterException(spec.commandLine(), "--all: found it with "
                    + (plan != null ? "--plan" : "an instance") + ", expected it alone: it imports every instance");
        }
        if (map == null) {
            throw new ParameterException(spec.commandLine(), "--all: expected --map FILE, the rules that map"
                    + " every instance's NICs and disks (see docs/cli.md)");
        }
        if (owner == null) {
            throw new ParameterException(spec.commandLine(), "--all: expected --owner ID, the owner of every instance");
        }
        var run = new ImportAll(map, connect == null ? List.of() : connect, owner, offering, select,
                states == null ? Set.of() : states, regenerateMacs);
        try (Session session = Session.of(common)) {
            session.bulkConcurrency(parallel);
            return run.run(session, dryRun, json, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

    private ImportFields commandLineFields() {
        try {
            Long memoryBytes = memory == null ? null : ByteSizes.parse(memory);
            return new ImportFields(connect == null ? null : connect.get(0), instance, owner, offering, displayName, cpus, memoryBytes, template,
                    Mapping.parse("--network", networks),
                    Mapping.parse("--ip", ips).requireValid("--ip", mac -> "--ip", IpAssignment::parse),
                    Mapping.parse("--pool", pools), Mapping.parse("--disk-offering", diskOfferings),
                    regenerateMacs ? Boolean.TRUE : null);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage().startsWith("--") ? e.getMessage() : "--memory: " + e.getMessage();
            throw new ParameterException(spec.commandLine(), message);
        }
    }

    /** The catalog's storage pools, read when {@code --pool auto} needs them. */
    private static Supplier<List<StoragePool>> catalogPools(Session session) {
        return () -> session.store().catalog().snapshot().pools();
    }

    private int importOne(Session session, ImportFields fields) {
        UnmanagedInstances instances = session.instances();
        ImportRequest request = fields.toSpec(session::host, dryRun)
                .toRequest(instances, catalogPools(session), false);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter human = HumanOutput.over(out);
        if (dryRun) {
            ImportPlan result = instances.plan(request);
            if (json) {
                JsonOutput.print(out, result);
            } else {
                PlanPrinter.printPlan(human, result);
            }
            return result.importable() ? ExitCodes.OK : ExitCodes.REQUEST_PROBLEM;
        }
        try {
            ImportResult result = instances.importInstance(request);
            if (json) {
                JsonOutput.print(out, result);
            } else if (result.alreadyExisted()) {
                human.println(result.instance().name() + " (" + result.instance().uuid()
                        + ") was already imported by the same request; nothing changed.");
            } else {
                human.println("Imported " + result.instance().name() + " (" + result.instance().uuid() + ") from "
                        + result.instance().host().id() + ".");
                PlanPrinter.printRecord(human, result.instance(), "Recorded:");
                if (!result.plan().problems().isEmpty()) {
                    // Only warnings get this far; a resize at the next start is one the user must know of.
                    human.println();
                    PlanPrinter.printProblems(human, result.plan().problems());
                }
            }
            human.flush();
            return ExitCodes.OK;
        } catch (ImportRejectedException rejected) {
            if (json) {
                ObjectNode node = UnmanagedJson.mapper().createObjectNode();
                node.set("error", UnmanagedJson.mapper().valueToTree(rejected));
                node.set("problems", UnmanagedJson.mapper().valueToTree(rejected.problems()));
                JsonOutput.print(out, node);
            } else {
                PlanPrinter.printProblems(human, rejected.problems());
                human.flush();
            }
            ErrorOutput.print(spec.commandLine().getErr(), "import of " + SafeText.of(request.instance())
                    + " rejected: "
                    + Text.count(rejected.problems().stream().filter(p -> p.blocks()).count(), "blocking problem")
                    + "; nothing was written");
            return ExitCodes.REQUEST_PROBLEM;
        }
    }

    private int importPlan(Session session, ImportFields fromCommandLine) throws InterruptedException {
        // The command line's instance is absent here; its other options are the defaults of every import.
        List<ImportFields> items = PlanFile.read(plan);
        UnmanagedInstances instances = session.instances();
        List<ImportRequest> requests = new ArrayList<>();
        for (ImportFields item : items) {
            requests.add(item.over(fromCommandLine).toSpec(session::host, dryRun)
                    .toRequest(instances, catalogPools(session), true));
        }
        PlanDuplicates.refuse(plan.toString(), requests, (host, name) -> instances.describe(host, name).uuid());
        PrintWriter out = spec.commandLine().getOut();
        return dryRun ? planAll(instances, requests, out) : importAll(instances, requests, out);
    }

    private int planAll(UnmanagedInstances instances, List<ImportRequest> requests, PrintWriter out) {
        List<ImportPlan> plans = new ArrayList<>();
        for (ImportRequest request : requests) {
            plans.add(instances.plan(request));
        }
        if (json) {
            JsonOutput.print(out, plans);
        } else {
            PrintWriter human = HumanOutput.over(out);
            PlanPrinter.printPlanTable(human, plans);
            human.flush();
        }
        return plans.stream().allMatch(ImportPlan::importable) ? ExitCodes.OK : ExitCodes.REQUEST_PROBLEM;
    }

    /** For each rejected import, its blocking problems in full: what was found and what was expected. */
    private static void printWhyRejected(PrintWriter out, BulkResult<ImportResult> result) {
        for (BulkOutcome<ImportResult> outcome : result.outcomes()) {
            if (outcome.error() instanceof ImportRejectedException rejected) {
                out.println();
                out.println(outcome.key() + " was rejected:");
                rejected.problems().stream()
                        .filter(p -> p.blocks())
                        .forEach(p -> out.println("  " + p.codeName() + " (" + p.subject() + "): " + p.message()));
            }
        }
    }

    private int importAll(UnmanagedInstances instances, List<ImportRequest> requests, PrintWriter out)
            throws InterruptedException {
        BulkRun.Report<ImportResult> report = new BulkRun.Report<>("imported", ImportCommand::detail,
                ImportCommand::totals, bulk -> bulk);
        BulkResult<ImportResult> result = BulkRun.show(out, spec.commandLine().getErr(), json, requests.size(),
                report, progress -> instances.importAll(requests, progress));
        if (!json) {
            PrintWriter human = HumanOutput.over(out);
            printWhyRejected(human, result);
            human.flush();
        }
        return BulkRun.exitCode(result);
    }

    /**
     * The totals of a bulk import, telling apart what this run imported from what was already managed under the
     * same request (say, by another run of the same plan): {@code 8 imported, 2 already managed under the same
     * request, 0 failed, 0 cancelled}; the middle part only when there are any.
     */
    static String totals(BulkResult<ImportResult> result) {
        long already = result.outcomes().stream()
                .filter(o -> o.status() == BulkOutcome.Status.SUCCEEDED && o.result().alreadyExisted()).count();
        return (result.count(BulkOutcome.Status.SUCCEEDED) - already) + " imported"
                + (already == 0 ? "" : ", " + already + " already managed under the same request") + ", "
                + result.count(BulkOutcome.Status.FAILED) + " failed, "
                + result.count(BulkOutcome.Status.CANCELLED) + " cancelled";
    }

    /** One bulk import's outcome in a few words. */
    static String detail(BulkOutcome<ImportResult> outcome) {
        return switch (outcome.status()) {
            case SUCCEEDED -> outcome.result().alreadyExisted()
                    ? "already managed under the same request; nothing changed"
                    : PlanPrinter.success(outcome.result().instance());
            case FAILED -> PlanPrinter.failure(outcome.error());
            case CANCELLED -> BulkRun.notStarted();
        };
    }
}
