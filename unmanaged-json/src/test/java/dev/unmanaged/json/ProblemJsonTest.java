package dev.unmanaged.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unmanaged.api.operation.Problem;
import dev.unmanaged.api.operation.ProblemCode;
import dev.unmanaged.api.operation.Severity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The JSON form of a plan's problems")
class ProblemJsonTest {
    @Test
    @DisplayName("a built-in problem keeps its code's name, and a custom rule's problem shows its namespaced code"
            + " under the same key")
    void codeKey() throws Exception {
        JsonNode builtIn = UnmanagedJson.mapper().readTree(UnmanagedJson.toJson(
                Problem.block(ProblemCode.NIC_UNMAPPED, "nic 52:54:00:00:00:01", "unmapped")));
        JsonNode custom = UnmanagedJson.mapper().readTree(UnmanagedJson.toJson(
                Problem.ofRule("acme.NO_GPU_IMPORT", Severity.BLOCK, "instance", "has a GPU")));

        assertThat(builtIn.get("code").asText()).isEqualTo("NIC_UNMAPPED");
        assertThat(custom.get("code").asText()).isEqualTo("acme.NO_GPU_IMPORT");
        assertThat(custom.get("severity").asText()).isEqualTo("BLOCK");
        assertThat(custom.has("ruleCode")).isFalse();
        assertThat(builtIn.fieldNames()).toIterable().containsExactlyInAnyOrder("code", "severity", "subject", "message");
    }

    @Test
    @DisplayName("both kinds read back equal to what was written")
    void roundTrip() throws Exception {
        for (Problem problem : java.util.List.of(Problem.warn(ProblemCode.MAC_IN_USE, "nic x", "in use"),
                Problem.ofRule("acme.lab.NO_GPU_IMPORT", Severity.WARN, "instance", "has a GPU"))) {
            assertThat(UnmanagedJson.mapper().readValue(UnmanagedJson.toJson(problem), Problem.class))
                    .isEqualTo(problem);
        }
    }
}
