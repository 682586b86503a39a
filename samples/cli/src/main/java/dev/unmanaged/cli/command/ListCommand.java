package dev.unmanaged.cli.command;

import dev.unmanaged.api.instance.GuestAddress;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.api.operation.HostFailure;
import dev.unmanaged.api.operation.InstanceListing;
import dev.unmanaged.api.operation.ListQuery;
import dev.unmanaged.api.text.ByteSizes;
import dev.unmanaged.cli.ExitCodes;
import dev.unmanaged.cli.output.ErrorOutput;
import dev.unmanaged.cli.output.HumanOutput;
import dev.unmanaged.cli.output.JsonOutput;
import dev.unmanaged.cli.output.Table;
import dev.unmanaged.cli.session.CommonOptions;
import dev.unmanaged.cli.session.Session;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Lists the instances of one or many hosts that the inventory does not manage. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the virtual machines of hosts that the inventory does not manage.",
                "Hosts are asked in parallel; a host that cannot be reached is reported on stderr with its reason"
                + " (exit status 3) and the others are still listed."})
public final class ListCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Mixin
    private HostsOption hosts;

    @Option(names = "--name", paramLabel = "TEXT", description = "Only instances whose name contains TEXT.")
    private String nameContains;

    @Option(names = "--state", paramLabel = "STATE", split = ",",
            description = "Only instances in these states: ${COMPLETION-CANDIDATES}.")
    private Set<PowerState> states;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long one host may take before it is reported unreachable (default ${DEFAULT-VALUE}).")
    private int timeoutSeconds;

    @Option(names = "--addresses", description = {"Also read the addresses running guests use on their NICs (from"
            + " the DHCP lease, the guest agent or the host's ARP table): a call or more per running instance."})
    private boolean addresses;

    @Option(names = "--storage", description = {"Also read each instance's snapshots, the block jobs running on its"
            + " disks and the host storage pool of each disk (and a stopped instance's backing chains): a few calls"
            + " per instance."})
    private boolean storage;

    @Option(names = "--json", description = "Print the listing as JSON (instances, totalMatching, failures).")
    private boolean json;

    @Override
    public Integer call() {
        OptionValues.requireAtLeastOne(spec, "--timeout", timeoutSeconds);
        try (Session session = Session.of(common)) {
            ListQuery query = ListQuery.of(session.hosts(hosts.uris))
                    .withHostDeadline(Duration.ofSeconds(timeoutSeconds))
                    .withNameContaining(nameContains)
                    .withStates(states == null ? Set.of() : states)
                    .withGuestAddresses(addresses)
                    .withStorage(storage);
            InstanceListing listing = session.instances().list(query);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.print(out, listing);
            } else {
                print(HumanOutput.over(out), listing, query.hosts().size(), addresses, storage);
            }
            PrintWriter err = spec.commandLine().getErr();
            for (HostFailure failure : listing.failures()) {
                if (common.debug()) {
                    ErrorOutput.printStackTrace(err, failure.error());
                }
                ErrorOutput.print(err, failure.error().getMessage());
            }
            // A host that could not be listed, whatever the reason (unreachable, or its libvirt refused), is 3.
            return listing.complete() ? ExitCodes.OK : ExitCodes.UNREACHABLE;
        }
    }

    private static void print(PrintWriter out, InstanceListing listing, int hostCount, boolean addresses,
                              boolean storage) {
        List<String> headers = new ArrayList<>(List.of("NAME", "UUID", "STATE", "PERSISTENT", "VCPUS", "MEMORY",
                "DISKS", "NICS", "HOST"));
        if (addresses) {
            headers.add("ADDRESSES");
        }
        if (storage) {
            headers.addAll(List.of("SNAPSHOTS", "BACKING", "SHARED", "BLOCK-JOBS"));
        }
        Table table = Table.of(headers.toArray(String[]::new));
        for (InstanceDescriptor d : listing.instances()) {
            // Arrays.asList, as an unknown UUID or host is null and printed as "-".
            List<Object> cells = new ArrayList<>(Arrays.asList(d.name(), d.uuid(), d.powerState(),
                    Text.persistence(d.persistent()), d.cpu().vcpus(), ByteSizes.forReading(d.memory().maxBytes()),
                    d.disks().size(), d.nics().size(), d.hostId()));
            if (addresses) {
                cells.add(Text.list(d.nics().stream().flatMap(nic -> nic.guestAddresses().stream())
                        .map(GuestAddress::address).distinct().toList()));
            }
            if (storage) {
                cells.addAll(StorageCells.of(d));
            }
            table.row(cells.toArray());
        }
        if (!table.isEmpty()) {
            table.print(out);
            out.println();
        }
        int answered = hostCount - listing.failures().size();
        out.println(Text.count(listing.instances().size(), "unmanaged instance") + " on "
                + Text.count(answered, "host") + (listing.complete() ? ""
                : " (" + Text.count(listing.failures().size(), "host") + " could not be listed)"));
        out.flush();
    }
}
