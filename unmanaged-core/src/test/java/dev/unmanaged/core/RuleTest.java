package dev.unmanaged.core;

import static dev.unmanaged.core.Fixtures.H1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.operation.ImportPlan;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.Problem;
import dev.unmanaged.api.operation.ProblemCode;
import dev.unmanaged.api.operation.Severity;
import dev.unmanaged.api.spi.ImportRule;
import dev.unmanaged.api.spi.InventoryCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Custom import rules")
class RuleTest {
    /** Refuses instances named for a GPU; found by the ServiceLoader in one test, added on the builder in another. */
    public static final class GpuRule implements ImportRule {
        @Override
        public List<Problem> check(InstanceDescriptor instance, ImportRequest request, InventoryCatalog catalog) {
            return instance.name().contains("gpu")
                    ? List.of(Problem.ofRule("acme.NO_GPU_IMPORT", Severity.BLOCK, "instance", "instance "
                    + instance.name() + " has a GPU; expected none, as GPUs are not managed"))
                    : List.of();
        }
    }

    private static ImportPlan plan(Workbench bench) {
        Fixtures.put(bench.provider, H1, Fixtures.simpleVm("lab-gpu", 1));
        // Two built-in problems beside the rule's: an unknown offering and an unmapped disk.
        return bench.instances.plan(Fixtures.cleanRequest(H1, 1).offering("nope").pool("vda", "gone").build());
    }

    @Test
    @DisplayName("a rule added on the builder adds its namespaced problem in the same pass as the built-in checks")
    void addedOnBuilder() {
        try (var bench = new Workbench(b -> b.rule(new GpuRule()))) {
            ImportPlan plan = plan(bench);

            assertThat(plan.problems()).extracting(Problem::codeName)
                    .containsExactlyInAnyOrder("OFFERING_NOT_FOUND", "POOL_NOT_FOUND", "acme.NO_GPU_IMPORT");
            assertThat(plan.importable()).isFalse();
        }
    }

    @Test
    @DisplayName("a rule that throws becomes a blocking problem naming the rule, and the plan still holds every other"
            + " problem")
    void throwingRule() {
        ImportRule broken = new ImportRule() {
            @Override
            public String name() {
                return "acme.broken";
            }

            @Override
            public List<Problem> check(InstanceDescriptor instance, ImportRequest request, InventoryCatalog catalog) {
                throw new IllegalStateException("lookup failed with password=hunter2");
            }
        };
        try (var bench = new Workbench(b -> b.rule(broken).rule(new GpuRule()))) {
            ImportPlan plan = plan(bench);

            assertThat(plan.problems()).extracting(Problem::codeName).contains("RULE_FAILED", "acme.NO_GPU_IMPORT",
                    "OFFERING_NOT_FOUND", "POOL_NOT_FOUND");
            Problem failed = plan.problems().stream().filter(p -> p.code() == ProblemCode.RULE_FAILED).findFirst()
                    .orElseThrow();
            assertThat(failed.blocks()).isTrue();
            assertThat(failed.subject()).isEqualTo("rule acme.broken");
            assertThat(failed.message()).contains("IllegalStateException", "lookup failed").doesNotContain("hunter2");
        }
    }

    @Test
    @DisplayName("a rule listed in META-INF/services is found by the ServiceLoader when the facade is built")
    void serviceLoaded(@TempDir Path dir) throws Exception {
        ClassLoader loader = ServiceFiles.classLoader(dir, Map.of(ImportRule.class, List.of(GpuRule.class.getName())));
        try (var bench = new Workbench(b -> b.ruleLoader(loader))) {
            assertThat(plan(bench).problems()).extracting(Problem::codeName).contains("acme.NO_GPU_IMPORT");
        }
        try (var bench = new Workbench(b -> b.ruleLoader(null))) {
            assertThat(plan(bench).problems()).extracting(Problem::codeName).doesNotContain("acme.NO_GPU_IMPORT");
        }
    }

    @Test
    @DisplayName("a rule's code must be namespaced, so that it never passes for a built-in one")
    void namespacedCodes() {
        assertThatThrownBy(() -> Problem.ofRule("NO_GPU_IMPORT", Severity.BLOCK, "instance", "x"))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("ruleCode"));
        assertThatThrownBy(() -> new Problem(ProblemCode.RULE, Severity.WARN, "instance", "x"))
                .isInstanceOf(InvalidRequestException.class);
    }
}
