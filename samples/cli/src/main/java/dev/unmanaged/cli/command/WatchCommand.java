package dev.unmanaged.cli.command;

import dev.unmanaged.api.operation.ListQuery;
import dev.unmanaged.cli.ExitCodes;
import dev.unmanaged.cli.Interruption;
import dev.unmanaged.cli.output.HumanOutput;
import dev.unmanaged.cli.output.JsonOutput;
import dev.unmanaged.cli.session.CommonOptions;
import dev.unmanaged.cli.session.Session;
import dev.unmanaged.console.WatchEventJson;
import dev.unmanaged.core.Watch;
import dev.unmanaged.core.WatchEvent;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Reports the unmanaged instances of hosts as they appear, change and vanish, until interrupted. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Watch the virtual machines of hosts that the inventory does not manage: one line per event"
                + " (APPEARED, CHANGED, VANISHED, MANAGED, RELEASED, HOST_UNAVAILABLE, HOST_RECOVERED, SYNCED)"
                + " until Ctrl-C, which ends it with exit status 130.",
                "The instances already there are reported as APPEARED, then each host once as SYNCED."})
public final class WatchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Mixin
    private HostsOption hosts;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long one call to a host may take before it is reported unavailable "
                    + "(default ${DEFAULT-VALUE}).")
    private int timeoutSeconds;

    @Option(names = "--json", description = "One JSON object a line: event, host, uuid, name, state, time "
            + "(and detail for HOST_UNAVAILABLE).")
    private boolean json;

    @Override
    public Integer call() throws InterruptedException {
        OptionValues.requireAtLeastOne(spec, "--timeout", timeoutSeconds);
        try (Session session = Session.of(common)) {
            var query = ListQuery.of(session.hosts(hosts.uris))
                    .withHostDeadline(Duration.ofSeconds(timeoutSeconds));
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter human = HumanOutput.over(out);
            Watch watch = session.instances().watch(query, event -> print(json ? out : human, event));
            try {
                Interruption.process().awaitRequest();
            } finally {
                watch.close();
            }
        }
        return ExitCodes.INTERRUPTED;
    }

    private void print(PrintWriter out, WatchEvent event) {
        if (json) {
            JsonOutput.printLine(out, WatchEventJson.fields(event));
        } else {
            // Human output escapes every character that comes from a host (see HumanOutput).
            out.println(event.at() + "  " + String.format("%-16s", event.kind()) + " host " + event.hostId() + (event.uuid() == null ? "" : "  " + event.name() + " ("
                    + event.uuid() + ")" + (event.descriptor() == null ? "" : " " + event.descriptor().powerState()))
                    + (event.detail() == null ? "" : ": " + event.detail()));
            out.flush();
        }
    }
}
