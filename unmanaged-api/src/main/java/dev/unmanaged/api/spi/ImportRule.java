package dev.unmanaged.api.spi;

import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.Problem;
import java.util.List;

/**
 * A custom validation rule of imports, run in the same pass as the built-in checks so that a plan still reports
 * every problem at once. Rules are found with {@link java.util.ServiceLoader} (a public no-argument constructor,
 * listed in {@code META-INF/services/dev.unmanaged.api.spi.ImportRule} or provided by a module) and can be added
 * on the facade's builder.
 *
 * <p>A rule must be safe for use by many threads at once and must not write anything. A rule that throws does not
 * fail the plan: the plan gets a blocking {@link dev.unmanaged.api.operation.ProblemCode#RULE_FAILED} problem
 * naming the rule.
 */
public interface ImportRule {
    /** The rule's name, shown when it fails; by default its class name. */
    default String name() {
        return getClass().getName();
    }

    /**
     * The problems this rule finds, each made with
     * {@link Problem#ofRule(String, dev.unmanaged.api.operation.Severity, String, String)} and the rule's own
     * namespaced code (e.g. {@code acme.NO_GPU_IMPORT}); empty when there are none.
     *
     * @param instance the instance as just read from its host
     * @param request  the request, with what a map filled in
     * @param catalog  the catalog, read only
     */
    List<Problem> check(InstanceDescriptor instance, ImportRequest request, InventoryCatalog catalog);
}
