package dev.unmanaged.cli.command;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unmanaged.api.error.InstanceNotFoundException;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.cli.CliFailure;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PlanDuplicatesTest {
    private static final Host DEMO = new Host("demo", "kvm", "test:///demo.xml");
    private static final Host OTHER = new Host("kvm1", "kvm", "qemu+ssh://kvm1/system");
    private static final UUID WEB = UUID.fromString("f6a69fa7-83eb-5845-9aa3-6805e2e4e0a6");
    private static final Map<String, UUID> ON_DEMO = Map.of("web-01", WEB, WEB.toString(), WEB,
            "db-01", UUID.fromString("fa7cb3c4-2a72-5093-953d-bc78965e3cc5"));
    private static final BiFunction<Host, String, UUID> RESOLVE = (host, name) -> {
        UUID uuid = ON_DEMO.get(name);
        if (uuid == null) {
            throw new InstanceNotFoundException(name, host.id());
        }
        return uuid;
    };

    private static ImportRequest on(Host host, String instance) {
        return ImportRequest.builder(host, instance).owner("acme").offering("small").build();
    }

    @Test
    @DisplayName("the same name twice on one host is refused, naming both entries")
    void sameName() {
        assertThatThrownBy(() -> PlanDuplicates.refuse("plan.json",
                List.of(on(DEMO, "web-01"), on(DEMO, "db-01"), on(DEMO, "web-01")), RESOLVE))
                .isInstanceOf(CliFailure.class)
                .hasMessage("plan.json: imports[0] and imports[2] name the same instance, 'web-01' on demo;"
                        + " expected each instance once");
    }

    @Test
    @DisplayName("a name in one entry and its UUID in another are refused, naming both entries and the UUID")
    void nameAndUuid() {
        assertThatThrownBy(() -> PlanDuplicates.refuse("plan.json",
                List.of(on(DEMO, "db-01"), on(DEMO, "web-01"), on(DEMO, WEB.toString())), RESOLVE))
                .isInstanceOf(CliFailure.class)
                .hasMessageContaining("imports[1] and imports[2] name the same instance, 'web-01' and '" + WEB
                        + "' (UUID " + WEB + ") on demo");
    }

    @Test
    @DisplayName("the same name on two hosts, and names the host does not know, are not duplicates")
    void distinct() {
        assertThatCode(() -> PlanDuplicates.refuse("plan.json",
                List.of(on(DEMO, "web-01"), on(OTHER, "web-01"), on(DEMO, "ghost-1"), on(DEMO, "ghost-2")),
                RESOLVE)).doesNotThrowAnyException();
    }
}
