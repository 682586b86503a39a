package dev.unmanaged.samples.embedding;

import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.Problem;
import dev.unmanaged.api.operation.Severity;
import dev.unmanaged.api.spi.ImportRule;
import dev.unmanaged.api.spi.InventoryCatalog;
import java.util.List;
import java.util.Locale;

/**
 * A sample custom import rule, as a company might write one: ACME names its GPU pass-through VMs {@code *-gpu-*},
 * and its orchestrator cannot manage their GPUs, so their import is blocked; and it wants every imported VM to get
 * a template, so a request without one is warned about. Listed in
 * {@code META-INF/services/dev.unmanaged.api.spi.ImportRule}, so that the facade finds it by itself.
 */
public final class NoGpuImportRule implements ImportRule {
    /** Blocks the import of a GPU VM. */
    public static final String NO_GPU_IMPORT = "acme.NO_GPU_IMPORT";
    /** Warns about an import without a template. */
    public static final String NO_TEMPLATE = "acme.NO_TEMPLATE";

    @Override
    public String name() {
        return "acme.no-gpu-import";
    }

    @Override
    public List<Problem> check(InstanceDescriptor instance, ImportRequest request, InventoryCatalog catalog) {
        var problems = new java.util.ArrayList<Problem>();
        if (instance.name().toLowerCase(Locale.ROOT).contains("-gpu-")) {
            problems.add(Problem.ofRule(NO_GPU_IMPORT, Severity.BLOCK, "instance", "instance " + instance.name()
                    + " is a GPU pass-through VM by its name; expected no GPU, as the orchestrator cannot manage"
                    + " GPUs"));
        }
        if (request.templateId() == null) {
            problems.add(Problem.ofRule(NO_TEMPLATE, Severity.WARN, "template",
                    "no template given; expected one, so that the owner sees the guest's OS"));
        }
        return problems;
    }
}
