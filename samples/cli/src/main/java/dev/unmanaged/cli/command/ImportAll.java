package dev.unmanaged.cli.command;

import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.api.mapping.ImportMap;
import dev.unmanaged.api.operation.BulkResult;
import dev.unmanaged.api.operation.FleetPlan;
import dev.unmanaged.api.operation.FleetRequest;
import dev.unmanaged.api.operation.HostFailure;
import dev.unmanaged.api.operation.ImportOptions;
import dev.unmanaged.api.operation.ImportPlan;
import dev.unmanaged.api.operation.ImportResult;
import dev.unmanaged.api.operation.ListQuery;
import dev.unmanaged.cli.ExitCodes;
import dev.unmanaged.cli.output.ErrorOutput;
import dev.unmanaged.cli.output.HumanOutput;
import dev.unmanaged.cli.output.JsonOutput;
import dev.unmanaged.cli.session.Session;
import dev.unmanaged.core.ImportMaps;
import dev.unmanaged.core.UnmanagedInstances;
import dev.unmanaged.json.ImportMapFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code import --all}: plans every unmanaged instance of the given hosts under a map file, then shows the plans
 * (with --dry-run) or imports the importable ones in bulk and says, per instance, imported, blocked or failed.
 *
 * @param mapFile    the map file
 * @param connect    the hosts' URIs; empty for the demo host
 * @param owner      the owner of every instance
 * @param offering   one offering for every instance; null to choose by the map's policy
 * @param select     a name glob; null for every name
 * @param states     the states to keep; empty for all
 * @param regenerateMacs record fresh MACs for colliding ones
 */
record ImportAll(Path mapFile, List<String> connect, String owner, String offering, String select,
                 Set<PowerState> states, boolean regenerateMacs) {

    int run(Session session, boolean dryRun, boolean json, PrintWriter out, PrintWriter err)
            throws InterruptedException {
        ImportMap map = ImportMapFile.load(mapFile);
        UnmanagedInstances instances = session.instances();
        // A rule naming a catalog id that does not exist is refused before any host is asked.
        ImportMaps.requireKnownIds(map, session.store().catalog(), mapFile.toString());
        FleetRequest request = new FleetRequest(ListQuery.of(session.hosts(connect)).withStates(states), select,
                map, owner, offering, new ImportOptions(false, regenerateMacs));
        FleetPlan fleet = instances.planFleet(request);
        reportHostFailures(err, fleet.failures());
        int hostStatus = fleet.failures().isEmpty() ? ExitCodes.OK : ExitCodes.UNREACHABLE;
        if (dryRun) {
            if (json) {
                JsonOutput.print(out, fleet);
            } else {
                PrintWriter human = HumanOutput.over(out);
                PlanPrinter.printPlanTable(human, fleet.plans());
                human.flush();
            }
            return fleet.blocked().isEmpty() ? hostStatus : ExitCodes.REQUEST_PROBLEM;
        }
        List<ImportPlan> blocked = fleet.blocked();
        BulkRun.Report<ImportResult> report = new BulkRun.Report<>("imported", ImportCommand::detail,
                result -> ImportCommand.totals(result) + ", " + blocked.size() + " blocked",
                result -> document(result, blocked, fleet.failures()));
        BulkResult<ImportResult> result = BulkRun.show(out, err, json, fleet.importable().size(), report,
                progress -> instances.importFleet(fleet, progress));
        if (!json && !blocked.isEmpty()) {
            PrintWriter human = HumanOutput.over(out);
            human.println();
            human.println("Blocked, not imported:");
            blocked.forEach(plan -> PlanPrinter.printBlocked(human, plan));
            human.flush();
        }
        int bulkStatus = BulkRun.exitCode(result);
        if (bulkStatus != ExitCodes.OK) {
            return bulkStatus;
        }
        return blocked.isEmpty() ? hostStatus : ExitCodes.REQUEST_PROBLEM;
    }

    private static void reportHostFailures(PrintWriter err, List<HostFailure> failures) {
        for (HostFailure failure : failures) {
            ErrorOutput.print(err, failure.error().getMessage());
        }
    }

    /** The --json document of a run: the bulk outcomes, the blocked plans, and the hosts not listed. */
    private static Map<String, Object> document(BulkResult<ImportResult> result, List<ImportPlan> blocked,
                                                List<HostFailure> failures) {
        var document = new LinkedHashMap<String, Object>();
        document.put("outcomes", result.outcomes());
        document.put("blocked", blocked);
        document.put("failures", failures);
        return document;
    }
}
