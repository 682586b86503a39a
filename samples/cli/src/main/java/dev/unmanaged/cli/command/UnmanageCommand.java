package dev.unmanaged.cli.command;

import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.operation.BulkOutcome;
import dev.unmanaged.api.operation.BulkResult;
import dev.unmanaged.api.operation.UnmanageRequest;
import dev.unmanaged.api.operation.UnmanageResult;
import dev.unmanaged.cli.ExitCodes;
import dev.unmanaged.cli.output.HumanOutput;
import dev.unmanaged.cli.session.CommonOptions;
import dev.unmanaged.cli.session.Session;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Releases managed instances from the inventory; they keep running on their hosts. */
@Command(name = "unmanage", mixinStandardHelpOptions = true,
        description = {"Release managed instances from the inventory; they keep running.",
                "Each keeps running on its host; a transient"
                + " one is first defined persistently there, so it survives a restart. Exit status 1 when any"
                + " instance could not be released.",
                "With --dry-run, say per instance what would happen and what blocks it, writing nothing.",
                "With --forget, forget records whose VM or host is gone for good (a decommissioned host)."})
public final class UnmanageCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Parameters(paramLabel = "UUID|NAME", arity = "1..*", description = "Managed instances, by UUID or name.")
    private List<String> instances;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
            description = "How many instances to release at once (default ${DEFAULT-VALUE}).")
    private int parallel;

    @Option(names = "--json", description = "Print the outcomes (or, with --dry-run, the plans) as JSON.")
    private boolean json;

    @Option(names = "--dry-run", description = "Say, per instance, what would happen and what blocks it; write"
            + " nothing.")
    private boolean dryRun;

    @Option(names = "--forget", description = "Forget records whose VM or host is gone for good, without asking the"
            + " host; refused while the VM is still present on a reachable host.")
    private boolean forget;

    @Override
    public Integer call() throws InterruptedException {
        OptionValues.requireAtLeastOne(spec, "--parallel", parallel);
        instances.forEach(instance -> OptionValues.requireNotBlank(spec, "UUID|NAME", instance));
        try (Session session = Session.of(common)) {
            session.bulkConcurrency(parallel);
            List<UnmanageRequest> requests = instances.stream().map(UnmanageRequest::new).toList();
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (dryRun) {
                return UnmanagePlans.show(session.instances(), requests, forget, json, out);
            }
            if (forget) {
                BulkResult<ManagedInstance> result = BulkRun.show(out, err, json, requests.size(), "forgotten",
                        UnmanageCommand::forgotten, progress -> session.instances().forgetAll(requests, progress));
                return BulkRun.exitCode(result);
            }
            if (requests.size() == 1 && !json) {
                UnmanageResult result = session.instances().unmanage(requests.get(0));
                HumanOutput.over(out).println(released(result));
                out.flush();
                return ExitCodes.OK;
            }
            BulkResult<UnmanageResult> result = BulkRun.show(out, err, json, requests.size(), "released",
                    UnmanageCommand::detail, progress -> session.instances().unmanageAll(requests, progress));
            return BulkRun.exitCode(result);
        }
    }

    private static String released(UnmanageResult result) {
        ManagedInstance m = result.released();
        return "Released " + m.name() + " (" + m.uuid() + ") from the inventory; " + whatHappensTo(result) + "."
                + (result.preparation().definedPersistently()
                ? " It was transient and is now defined persistently on its host." : "");
    }

    /** What is true of the released VM on its host, from the state its provider saw while preparing it. */
    static String whatHappensTo(UnmanageResult result) {
        String host = result.released().host().id();
        return switch (result.preparation().powerState()) {
            case RUNNING -> "it keeps running on " + host;
            case PAUSED -> "it stays defined on " + host + ", paused";
            case SUSPENDED -> "it stays defined on " + host + ", suspended";
            case STOPPED -> "it stays defined on " + host + ", shut off";
            case CRASHED -> "it stays defined on " + host + ", crashed (not running)";
            default -> "it stays on " + host + " as it is";
        };
    }

    /** One forget's outcome in a few words. */
    static String forgotten(BulkOutcome<ManagedInstance> outcome) {
        return switch (outcome.status()) {
            case SUCCEEDED -> outcome.result().name() + " on " + outcome.result().host().id()
                    + ": record and reservations forgotten";
            case FAILED -> outcome.error().code() + ": " + outcome.error().getMessage();
            case CANCELLED -> BulkRun.notStarted();
        };
    }

    /** One bulk unmanage's outcome in a few words. */
    static String detail(BulkOutcome<UnmanageResult> outcome) {
        return switch (outcome.status()) {
            case SUCCEEDED -> outcome.result().released().name() + " on " + outcome.result().released().host().id()
                    + (outcome.result().preparation().definedPersistently() ? ", now defined persistently" : "");
            case FAILED -> outcome.error().code() + ": " + outcome.error().getMessage();
            case CANCELLED -> BulkRun.notStarted();
        };
    }
}
