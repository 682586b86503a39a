package dev.unmanaged.cli.command;

import dev.unmanaged.api.instance.CpuDescriptor;
import dev.unmanaged.api.instance.CpuTune;
import dev.unmanaged.api.instance.DescriptorWarning;
import dev.unmanaged.api.instance.DiskDescriptor;
import dev.unmanaged.api.instance.GraphicsDescriptor;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.NicDescriptor;
import dev.unmanaged.api.instance.OsDescriptor;
import dev.unmanaged.api.instance.ResourceAllocation;
import dev.unmanaged.api.spi.ProviderCapability;
import dev.unmanaged.api.text.ByteSizes;
import dev.unmanaged.cli.ExitCodes;
import dev.unmanaged.cli.output.HumanOutput;
import dev.unmanaged.cli.output.JsonOutput;
import dev.unmanaged.cli.output.Table;
import dev.unmanaged.cli.session.CommonOptions;
import dev.unmanaged.cli.session.Session;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Shows everything the descriptor of one instance holds. */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = {"Show everything known about one instance of a host.",
                "Managed or not: CPU, tuning, memory, OS and firmware, disks, NICs, consoles (never their"
                        + " passwords) and warnings."})
public final class DescribeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Mixin
    private HostOption host;

    @Parameters(paramLabel = "NAME|UUID", description = "The instance's name or UUID on the host.")
    private String instance;

    @Option(names = "--json", description = "Print the descriptor as JSON (docs/descriptor-json.md).")
    private boolean json;

    @Override
    public Integer call() {
        OptionValues.requireNotBlank(spec, "NAME|UUID", instance);
        try (Session session = Session.of(common)) {
            Host target = session.host(host.uri);
            InstanceDescriptor descriptor = session.instances().describe(target, instance);
            boolean managed = descriptor.uuid() != null && session.store().isManaged(descriptor.uuid());
            // A provider without the GRAPHICS capability never reads secrets, so it cannot tell whether a console
            // has a password: say so rather than "none".
            boolean passwordsKnown = session.instances().providers().providerFor(target).capabilities()
                    .contains(ProviderCapability.GRAPHICS);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.print(out, descriptor);
            } else {
                print(HumanOutput.over(out), descriptor, managed, passwordsKnown);
            }
            return ExitCodes.OK;
        }
    }

    static void print(PrintWriter out, InstanceDescriptor d, boolean managed, boolean passwordsKnown) {
        field(out, "Name", d.name());
        field(out, "UUID", d.uuid() == null ? "(none)" : d.uuid());
        if (d.biosUuid() != null) {
            field(out, "BIOS UUID", d.biosUuid());
        }
        field(out, "Host", d.hostId());
        field(out, "Managed", managed ? "yes (in the inventory)" : "no");
        field(out, "State", d.powerState() + ", " + (d.persistent() == null ? "persistence unknown"
                : d.persistent() ? "persistent" : "transient"));
        field(out, "Virtualization type", d.virtualizationType());
        field(out, "CPU", cpu(d.cpu()));
        String tune = tune(d.cpu().tune());
        if (!tune.isEmpty()) {
            field(out, "CPU tuning", tune);
        }
        String sizing = CpuText.sizing(d.cpu().speedMhz(), d.cpu().cap());
        if (!sizing.isEmpty()) {
            field(out, "CPU sizing", sizing);
        }
        if (d.cpuAllocation() != null) {
            field(out, "CPU allocation", allocation(d.cpuAllocation(), mhz -> mhz + " MHz"));
        }
        field(out, "Memory", ByteSizes.forReading(d.memory().maxBytes())
                + (d.memory().currentBytes() == d.memory().maxBytes() ? ""
                : " (current " + ByteSizes.forReading(d.memory().currentBytes()) + ")"));
        if (d.memoryAllocation() != null) {
            field(out, "Memory allocation", allocation(d.memoryAllocation(), ByteSizes::forReading));
        }
        field(out, "OS", os(d.os()));
        out.println();
        out.println("Disks:");
        if (d.disks().isEmpty()) {
            out.println("  (none)");
        } else {
            Table disks = Table.of("DEVICE", "KIND", "TYPE", "FORMAT", "BUS", "CACHE", "SOURCE", "CAPACITY",
                    "ALLOCATED", "FLAGS");
            for (DiskDescriptor disk : d.disks()) {
                disks.row(disk.deviceName(), disk.device(), disk.type(), disk.driverType(), disk.bus(), disk.cache(),
                        source(disk), ByteSizes.forReading(disk.capacityBytes()), ByteSizes.forReading(disk.allocationBytes()),
                        flags(disk));
            }
            disks.print(out, "  ");
        }
        out.println();
        out.println("NICs:");
        if (d.nics().isEmpty()) {
            out.println("  (none)");
        } else {
            Table nics = Table.of("MAC", "TYPE", "MODEL", "SOURCE", "VLAN", "SWITCH PORT", "HOST DEVICE", "BOOT",
                    "GUEST ADDRESSES");
            for (NicDescriptor nic : d.nics()) {
                nics.row(nic.mac(), nic.type(), nic.model(), nic.source(), Text.list(nic.vlanTags()),
                        nic.switchPortType(), nic.hostDeviceName(), nic.bootOrder(), Text.list(nic.guestAddresses()));
            }
            nics.print(out, "  ");
        }
        if (!d.graphics().isEmpty()) {
            out.println();
            out.println("Consoles:");
            Table graphics = Table.of("TYPE", "PORT", "LISTEN", "PASSWORD");
            for (GraphicsDescriptor g : d.graphics()) {
                graphics.row(g.type(), g.port() == null ? "auto" : g.port(), g.listen(),
                        g.passwordSet() ? "set" : passwordsKnown ? "none" : "not read");
            }
            graphics.print(out, "  ");
        }
        HostStateText.print(out, d);
        out.println();
        out.println("Warnings:");
        if (d.warnings().isEmpty()) {
            out.println("  (none)");
        }
        for (DescriptorWarning w : d.warnings()) {
            out.println("  " + w.code() + (w.blocksImport() ? " (blocks import)" : "") + ": " + w.message());
        }
        out.flush();
    }

    private static void field(PrintWriter out, String label, Object value) {
        out.println(String.format("%-20s %s", label + ":", value == null ? "-" : value));
    }

    private static String cpu(CpuDescriptor cpu) {
        var parts = new ArrayList<String>();
        parts.add(Text.count(cpu.vcpus(), "vCPU") + (cpu.maxVcpus() == cpu.vcpus() ? "" : " of " + cpu.maxVcpus()));
        if (cpu.mode() != null) {
            parts.add("mode " + cpu.mode());
        }
        if (cpu.model() != null) {
            parts.add("model " + cpu.model());
        }
        String topology = CpuText.topology(cpu.sockets(), cpu.dies(), cpu.cores(), cpu.threads());
        if (!topology.isEmpty()) {
            parts.add("topology " + topology);
        }
        return String.join(", ", parts);
    }

    private static String tune(CpuTune tune) {
        var parts = new ArrayList<String>();
        if (tune.shares() != null) {
            parts.add("shares " + tune.shares());
        }
        if (tune.periodMicros() != null) {
            parts.add("period " + tune.periodMicros() + " us");
        }
        if (tune.quotaMicros() != null) {
            parts.add("quota " + tune.quotaMicros() + " us");
        } else if (tune.quotaUnlimited()) {
            parts.add("quota unlimited");
        }
        return String.join(", ", parts);
    }

    /** {@code reservation 1000 MHz, limit unlimited, shares 2000}; unset values are left out, a limit says so. */
    private static String allocation(ResourceAllocation allocation, Function<Long, String> amount) {
        var parts = new ArrayList<String>();
        if (allocation.reservation() != null) {
            parts.add("reservation " + amount.apply(allocation.reservation()));
        }
        parts.add("limit " + (allocation.limit() == null ? "unlimited" : amount.apply(allocation.limit())));
        if (allocation.shares() != null) {
            parts.add("shares " + allocation.shares());
        }
        return String.join(", ", parts);
    }

    private static String os(OsDescriptor os) {
        var parts = new ArrayList<String>();
        for (String value : new String[] {os.type(), os.arch(), os.machine()}) {
            if (value != null) {
                parts.add(value);
            }
        }
        if (os.firmware() != null) {
            parts.add("firmware " + os.firmware());
        }
        if (os.secureBoot() != null) {
            parts.add("secure boot " + (os.secureBoot() ? "on" : "off"));
        }
        if (!os.bootOrder().isEmpty()) {
            parts.add("boot " + String.join(",", os.bootOrder()));
        }
        return parts.isEmpty() ? "-" : String.join(", ", parts);
    }

    private static String source(DiskDescriptor disk) {
        if (disk.source() == null) {
            return "(empty)";
        }
        String protocol = disk.protocol() == null ? "" : disk.protocol() + ":";
        String hosts = disk.hosts().isEmpty() ? "" : " @" + String.join(",", disk.hosts());
        return protocol + disk.source() + hosts;
    }

    private static String flags(DiskDescriptor disk) {
        List<String> flags = new ArrayList<>();
        if (disk.readOnly()) {
            flags.add("read-only");
        }
        if (disk.shareable()) {
            flags.add("shareable");
        }
        if (disk.bootOrder() != null) {
            flags.add("boot " + disk.bootOrder());
        }
        if (disk.serial() != null) {
            flags.add("serial " + disk.serial());
        }
        if (disk.provisioning() != null) {
            flags.add(disk.provisioning());
        }
        if (disk.mode() != null) {
            flags.add("mode " + disk.mode());
        }
        return flags.isEmpty() ? "-" : String.join(", ", flags);
    }
}
