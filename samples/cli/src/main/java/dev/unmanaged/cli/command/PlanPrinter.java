package dev.unmanaged.cli.command;

import dev.unmanaged.api.error.ImportRejectedException;
import dev.unmanaged.api.error.UnmanagedException;
import dev.unmanaged.api.inventory.ManagedDisk;
import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.inventory.ManagedNic;
import dev.unmanaged.api.operation.ImportPlan;
import dev.unmanaged.api.operation.Problem;
import dev.unmanaged.api.text.ByteSizes;
import dev.unmanaged.cli.output.Table;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/** The human-readable form of import plans, records and problems. */
final class PlanPrinter {
    private PlanPrinter() {
    }

    /** A plan: whether it can go ahead, what it would record, and every problem. */
    static void printPlan(PrintWriter out, ImportPlan plan) {
        String who = plan.instance() == null ? plan.request().instance()
                : plan.instance().name() + " (" + plan.instance().uuid() + ")";
        long blocking = plan.blockingProblems().size();
        out.println("Import plan for " + who + " on " + plan.request().host().id() + ": "
                + (plan.importable() ? "importable" : "blocked by " + Text.count(blocking, "problem")));
        if (plan.proposed() != null) {
            out.println();
            printRecord(out, plan.proposed(), "Would record:");
        }
        if (!plan.problems().isEmpty()) {
            out.println();
            printProblems(out, plan.problems());
        }
        out.flush();
    }

    /** A managed record: owner, offering, NICs with networks and addresses, disks with pools. */
    static void printRecord(PrintWriter out, ManagedInstance m, String heading) {
        out.println(heading);
        out.println("  name        " + m.displayName() + (m.displayName().equals(m.name()) ? "" : " (" + m.name() + ")"));
        out.println("  owner       " + m.ownerId());
        String sizing = CpuText.sizing(m.cpu().speedMhz(), m.cpu().cap());
        out.println("  offering    " + m.offeringId() + ": " + Text.count(m.vcpus(), "vCPU") + ", "
                + ByteSizes.forReading(m.memoryBytes()) + (sizing.isEmpty() ? "" : ", " + sizing)
                + (m.resizePendingAtStart() ? " (from its next start)" : ""));
        if (m.templateId() != null) {
            out.println("  template    " + m.templateId());
        }
        for (ManagedNic nic : m.nics()) {
            out.println("  nic         " + nic.mac() + " -> network " + nic.networkId() + ", IP "
                    + (nic.ipAddress() == null ? "none" : nic.ipAddress()));
        }
        for (ManagedDisk disk : m.disks()) {
            out.println("  disk        " + disk.deviceName() + " -> pool " + disk.poolId()
                    + (disk.diskOfferingId() == null ? "" : ", disk offering " + disk.diskOfferingId())
                    + (disk.sizeBytes() == null ? "" : ", " + ByteSizes.forReading(disk.sizeBytes())));
        }
    }

    /** Every problem as a table. */
    static void printProblems(PrintWriter out, List<Problem> problems) {
        out.println("Problems:");
        Table table = Table.of("SEVERITY", "CODE", "SUBJECT", "MESSAGE");
        for (Problem p : problems) {
            table.row(p.severity(), p.codeName(), p.subject(), p.message());
        }
        table.print(out, "  ");
    }

    /** One row per plan: the instance, its host, importable or blocked, and its problems' codes. */
    static void printPlanTable(PrintWriter out, List<ImportPlan> plans) {
        Table table = Table.of("INSTANCE", "HOST", "PLAN", "PROBLEMS");
        for (ImportPlan p : plans) {
            table.row(p.instance() == null ? p.request().instance() : p.instance().name(), p.request().host().id(),
                    p.importable() ? "importable" : "blocked",
                    p.problems().isEmpty() ? "-" : p.problems().stream()
                            .map(problem -> problem.codeName() + " (" + problem.subject() + ")"
                                    + (problem.blocks() ? "" : " [warning]"))
                            .collect(Collectors.joining(", ")));
        }
        table.print(out);
        out.println();
        long importable = plans.stream().filter(ImportPlan::importable).count();
        out.println(importable + " importable, " + (plans.size() - importable) + " blocked");
    }

    /** A blocked plan's instance and its blocking problems in full: what was found and what was expected. */
    static void printBlocked(PrintWriter out, ImportPlan plan) {
        out.println((plan.instance() == null ? plan.request().instance() : plan.instance().name()) + " on "
                + plan.request().host().id() + ":");
        plan.blockingProblems().forEach(p -> out.println("  " + p.codeName() + " (" + p.subject() + "): " + p.message()));
    }

    /** One short line for a failed import: the error code, and for a rejection its blocking problems. */
    static String failure(UnmanagedException error) {
        if (error instanceof ImportRejectedException rejected) {
            return "rejected: " + rejected.problems().stream()
                    .filter(Problem::blocks)
                    .map(p -> p.codeName() + " (" + p.subject() + ")")
                    .collect(Collectors.joining(", "));
        }
        return error.code() + ": " + error.getMessage();
    }

    /** One short line for an imported instance. */
    static String success(ManagedInstance m) {
        String nics = m.nics().stream()
                .map(n -> n.networkId() + (n.ipAddress() == null ? "" : " " + n.ipAddress()))
                .collect(Collectors.joining(", "));
        return "owner " + m.ownerId() + ", offering " + m.offeringId() + (nics.isEmpty() ? "" : ", " + nics);
    }
}
