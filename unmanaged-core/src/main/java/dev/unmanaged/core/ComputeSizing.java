package dev.unmanaged.core;

import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.inventory.ComputeOffering;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.Problem;
import dev.unmanaged.api.operation.ProblemCode;
import dev.unmanaged.api.spi.InventoryCatalog;
import dev.unmanaged.api.text.ByteSizes;
import dev.unmanaged.api.text.SafeText;
import java.util.List;
import java.util.Optional;

/**
 * Matches an instance to its compute offering. A fixed offering must equal the instance's vCPUs and memory
 * exactly; a custom offering takes the request's values, else the instance's, within its bounds.
 */
final class ComputeSizing {
    static final String SUBJECT = "offering";

    private ComputeSizing() {
    }

    /** The vCPUs and memory to record. */
    record Size(int vcpus, long memoryBytes) {
    }

    static Size check(ImportRequest request, InstanceDescriptor instance, InventoryCatalog catalog,
                      CatalogAccess access, List<Problem> problems) {
        int instanceVcpus = instance.cpu().vcpus();
        long instanceMemory = instance.memory().maxBytes();
        if (request.offeringId() == null) {
            if (problems.stream().anyMatch(p -> SUBJECT.equals(p.subject()))) {
                return new Size(instanceVcpus, instanceMemory); // a map's offering policy already said why
            }
            problems.add(Problem.block(ProblemCode.REQUEST_INVALID, SUBJECT,
                    "no compute offering given; expected the id of a fixed or custom offering"));
            return new Size(instanceVcpus, instanceMemory);
        }
        Optional<ComputeOffering> found = catalog.offering(request.offeringId());
        if (found.isEmpty()) {
            problems.add(Problem.block(ProblemCode.OFFERING_NOT_FOUND, SUBJECT, "compute offering "
                    + SafeText.quoted(request.offeringId()) + " does not exist; expected an existing offering id"));
            return new Size(instanceVcpus, instanceMemory);
        }
        ComputeOffering offering = found.get();
        access.check(offering, "compute offering", SUBJECT, problems);
        return offering.custom()
                ? custom(request, offering, instanceVcpus, instanceMemory, problems)
                : fixed(request, offering, instanceVcpus, instanceMemory, problems);
    }

    private static Size fixed(ImportRequest request, ComputeOffering offering, int vcpus, long memory,
                              List<Problem> problems) {
        String name = describe(offering);
        if (request.cpus() != null || request.memoryBytes() != null) {
            problems.add(Problem.warn(ProblemCode.REQUEST_INVALID, SUBJECT, "custom vCPUs/memory "
                    + request.cpus() + "/" + request.memoryBytes() + " are ignored: " + name
                    + " is fixed; expected them only with a custom offering"));
        }
        if (vcpus != offering.minVcpus()) {
            problems.add(Problem.block(ProblemCode.OFFERING_CPU_MISMATCH, SUBJECT, "instance has " + vcpus
                    + " vCPUs but fixed " + name + " has " + offering.minVcpus()
                    + "; expected an offering of exactly " + vcpus + " vCPUs, or a custom one"));
        }
        if (memory != offering.minMemoryBytes()) {
            problems.add(Problem.block(ProblemCode.OFFERING_MEMORY_MISMATCH, SUBJECT, "instance has "
                    + ByteSizes.withExactBytes(memory) + " of memory but fixed " + name + " has "
                    + ByteSizes.withExactBytes(offering.minMemoryBytes()) + "; expected an offering of exactly "
                    + ByteSizes.withExactBytes(memory) + ", or a custom one"));
        }
        return new Size(offering.minVcpus(), offering.minMemoryBytes());
    }

    private static Size custom(ImportRequest request, ComputeOffering offering, int instanceVcpus,
                               long instanceMemory, List<Problem> problems) {
        String name = describe(offering);
        int vcpus = request.cpus() == null ? instanceVcpus : request.cpus();
        long memory = request.memoryBytes() == null ? instanceMemory : request.memoryBytes();
        String vcpuSource = request.cpus() == null ? "instance has " : "request asks for ";
        String memorySource = request.memoryBytes() == null ? "instance has " : "request asks for ";
        if (vcpus < offering.minVcpus() || vcpus > offering.maxVcpus()) {
            problems.add(Problem.block(ProblemCode.OFFERING_CPU_MISMATCH, SUBJECT, vcpuSource + vcpus
                    + " vCPUs; expected " + offering.minVcpus() + "-" + offering.maxVcpus() + " vCPUs for custom "
                    + name));
        } else if (vcpus != instanceVcpus) {
            problems.add(Problem.warn(ProblemCode.OFFERING_CPU_MISMATCH, SUBJECT, "recorded with " + vcpus
                    + " vCPUs while the instance runs with " + instanceVcpus));
        }
        if (memory < offering.minMemoryBytes() || memory > offering.maxMemoryBytes()) {
            problems.add(Problem.block(ProblemCode.OFFERING_MEMORY_MISMATCH, SUBJECT, memorySource
                    + ByteSizes.withExactBytes(memory) + " of memory; expected " + ByteSizes.withExactBytes(offering.minMemoryBytes())
                    + " to " + ByteSizes.withExactBytes(offering.maxMemoryBytes()) + " for custom " + name));
        } else if (memory != instanceMemory) {
            problems.add(Problem.warn(ProblemCode.OFFERING_MEMORY_MISMATCH, SUBJECT, "recorded with "
                    + ByteSizes.withExactBytes(memory) + " while the instance runs with " + ByteSizes.withExactBytes(instanceMemory)));
        }
        return new Size(vcpus, memory);
    }

    private static String describe(ComputeOffering offering) {
        return "offering " + SafeText.quoted(offering.id()) + " (" + SafeText.of(offering.name()) + ")";
    }
}
