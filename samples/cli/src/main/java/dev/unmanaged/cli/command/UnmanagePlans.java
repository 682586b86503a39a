package dev.unmanaged.cli.command;

import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.inventory.ManagedNic;
import dev.unmanaged.api.operation.BulkOutcome;
import dev.unmanaged.api.operation.BulkResult;
import dev.unmanaged.api.operation.UnmanagePlan;
import dev.unmanaged.api.operation.UnmanageRequest;
import dev.unmanaged.cli.ExitCodes;
import dev.unmanaged.cli.Interruption;
import dev.unmanaged.cli.output.HumanOutput;
import dev.unmanaged.cli.output.JsonOutput;
import dev.unmanaged.core.BulkProgressListener;
import dev.unmanaged.core.UnmanagedInstances;
import java.io.PrintWriter;
import java.util.List;

/** {@code unmanage --dry-run}: per instance, what an unmanage (or a forget) would do and what blocks it. */
final class UnmanagePlans {
    private UnmanagePlans() {
    }

    /** Plans every request, writing nothing, and shows the plans; exit status 0 only when every one can go ahead. */
    static int show(UnmanagedInstances instances, List<UnmanageRequest> requests, boolean forget, boolean json,
                    PrintWriter out) throws InterruptedException {
        BulkResult<UnmanagePlan> result = Interruption.process().await(
                instances.planUnmanageAll(requests, forget, BulkProgressListener.none()));
        if (json) {
            JsonOutput.print(out, result);
        } else {
            PrintWriter human = HumanOutput.over(out);
            result.outcomes().forEach(outcome -> print(human, outcome, forget));
            long possible = result.outcomes().stream()
                    .filter(o -> o.status() == BulkOutcome.Status.SUCCEEDED && o.result().possible()).count();
            long failed = result.count(BulkOutcome.Status.FAILED);
            human.println((forget ? possible + " can be forgotten, " : possible + " can be released, ")
                    + (result.outcomes().size() - possible - failed) + " blocked, " + failed + " not found;"
                    + " nothing was written");
            human.flush();
        }
        boolean allPossible = result.outcomes().stream()
                .allMatch(o -> o.status() == BulkOutcome.Status.SUCCEEDED && o.result().possible());
        return allPossible ? ExitCodes.OK : ExitCodes.REQUEST_PROBLEM;
    }

    private static void print(PrintWriter out, BulkOutcome<UnmanagePlan> outcome, boolean forget) {
        if (outcome.status() != BulkOutcome.Status.SUCCEEDED) {
            out.println(outcome.key() + ": " + (outcome.error() == null ? BulkRun.notStarted()
                    : outcome.error().code() + ": " + outcome.error().getMessage()));
            out.println();
            return;
        }
        UnmanagePlan plan = outcome.result();
        ManagedInstance record = plan.record();
        String verb = forget ? "forgotten" : "released";
        out.println(record.name() + " (" + record.uuid() + ") on " + record.host().id() + ": "
                + (plan.possible() ? "can be " + verb : "blocked, would not be " + verb));
        if (plan.instance() != null) {
            out.println("  state       " + plan.powerState() + (plan.definesPersistently()
                    ? ", transient: it will be defined persistently first, so it survives a restart"
                    : ", persistent: it stays defined as it is"));
        } else {
            out.println("  state       not read from its host");
        }
        for (ManagedNic nic : plan.releasedReservations()) {
            out.println("  releases    MAC " + nic.mac() + " on network " + nic.networkId()
                    + (nic.ipAddress() == null ? "" : ", IP " + nic.ipAddress()));
        }
        plan.blockingProblems().forEach(p -> out.println("  blocked by  " + p.codeName() + ": " + p.message()));
        out.println();
    }
}
