package dev.unmanaged.cli.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.unmanaged.api.error.UnmanagedException;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.text.ByteSizes;
import dev.unmanaged.cli.ExitCodes;
import dev.unmanaged.cli.output.ErrorOutput;
import dev.unmanaged.cli.output.HumanOutput;
import dev.unmanaged.cli.output.JsonOutput;
import dev.unmanaged.cli.output.Table;
import dev.unmanaged.json.UnmanagedJson;
import dev.unmanaged.kvm.xml.DomainXmlException;
import dev.unmanaged.kvm.xml.DomainXmlParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Reads libvirt domain XML files into descriptors, without any host or store. */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = {"Read libvirt domain XML files and show the descriptors they make.",
                "A directory stands for the *.xml files in it. Exit status 0 when every file parsed, 1 otherwise."})
public final class ParseCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Domain XML files or directories of them.")
    private List<Path> files;

    @Option(names = "--json", description = "Print a JSON array: per file the descriptor plus a \"file\" key,"
            + " or {\"file\": ..., \"error\": {\"code\": ..., \"message\": ...}}.")
    private boolean json;

    @Option(names = "--debug", description = "Show library logs and stack traces.")
    private boolean debug;

    /** One file's outcome: a descriptor or the error that stopped it. */
    private record Parsed(Path file, InstanceDescriptor descriptor, UnmanagedException error) {
    }

    @Override
    public Integer call() {
        List<Parsed> results = new ArrayList<>();
        for (Path file : expand(files)) {
            results.add(parse(file));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            printJson(out, results);
        } else {
            printTable(HumanOutput.over(out), spec.commandLine().getErr(), results);
        }
        return results.stream().allMatch(r -> r.error() == null) ? ExitCodes.OK : ExitCodes.REQUEST_PROBLEM;
    }

    private static Parsed parse(Path file) {
        try {
            return new Parsed(file, DomainXmlParser.shared().parse(file), null);
        } catch (UnmanagedException e) {
            return new Parsed(file, null, e);
        }
    }

    private static List<Path> expand(List<Path> given) {
        var expanded = new ArrayList<Path>();
        for (Path path : given) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> children = Files.list(path)) {
                    children.filter(p -> p.getFileName().toString().endsWith(".xml") && Files.isRegularFile(p))
                            .sorted()
                            .forEach(expanded::add);
                } catch (IOException e) {
                    // Listed as the directory itself: parsing it reports that it cannot be read.
                    expanded.add(path);
                }
            } else {
                expanded.add(path);
            }
        }
        return expanded;
    }

    private static void printJson(PrintWriter out, List<Parsed> results) {
        ObjectMapper mapper = UnmanagedJson.mapper();
        ArrayNode array = mapper.createArrayNode();
        for (Parsed result : results) {
            ObjectNode node = array.addObject();
            node.put("file", result.file().toString());
            if (result.error() == null) {
                node.setAll((ObjectNode) mapper.valueToTree(result.descriptor()));
            } else {
                ObjectNode error = mapper.valueToTree(result.error());
                if (result.error() instanceof DomainXmlException xml) {
                    error.put("reason", xml.reason().name());
                }
                node.set("error", error);
            }
        }
        JsonOutput.print(out, array);
    }

    private static void printTable(PrintWriter out, PrintWriter err, List<Parsed> results) {
        Table table = Table.of("FILE", "NAME", "UUID", "VCPUS", "MEMORY", "DISKS", "NICS", "WARNINGS");
        for (Parsed result : results) {
            InstanceDescriptor d = result.descriptor();
            if (d != null) {
                table.row(result.file(), d.name(), d.uuid(), d.cpu().vcpus(), ByteSizes.forReading(d.memory().maxBytes()),
                        d.disks().size(), d.nics().size(), d.warnings().size());
            }
        }
        if (!table.isEmpty()) {
            table.print(out);
        }
        for (Parsed result : results) {
            if (result.error() != null) {
                ErrorOutput.print(err,
                        result.file() + ": " + result.error().code() + ": " + result.error().getMessage());
            }
        }
    }
}
