package dev.unmanaged.samples.jsondir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.instance.DescriptorWarning;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.api.instance.WarningCodes;
import dev.unmanaged.api.spi.HypervisorInstanceProvider;
import java.util.ServiceLoader;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the kit does not cover: discovery, and files the hypervisor got wrong. */
@DisplayName("JSON-directory provider: discovery and unreadable files")
class JsonDirectoryProviderTest {
    private final JsonDirectoryTestBed bed = new JsonDirectoryTestBed();
    private final JsonDirectoryProvider provider = new JsonDirectoryProvider();

    @AfterEach
    void removeDirectory() {
        bed.close();
    }

    @Test
    @DisplayName("the provider is found with ServiceLoader under its hypervisor kind")
    void discoveredByServiceLoader() {
        assertThat(ServiceLoader.load(HypervisorInstanceProvider.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(p -> {
                    assertThat(p).isInstanceOf(JsonDirectoryProvider.class);
                    assertThat(p.hypervisor()).isEqualTo("jsondir");
                });
    }

    @Test
    @DisplayName("a file that is not JSON is listed by its file name, without a UUID, blocked from import")
    void notJson() {
        bed.writeRaw("broken.json", "{ \"uuid\": \"" + UUID.randomUUID() + "\", \"graphics\": {\"password\": \"s3cr3t\"");
        InstanceDescriptor d = provider.listInstances(bed.host()).get(0);
        assertThat(d.name()).isEqualTo("broken");
        assertThat(d.uuid()).isNull();
        assertThat(d.hasBlockingWarning()).isTrue();
        assertThat(d.warnings()).extracting(DescriptorWarning::code)
                .contains(WarningCodes.DEFINITION_UNREADABLE, WarningCodes.UUID_MISSING);
        assertThat(d.toString()).doesNotContain("s3cr3t");
    }

    @Test
    @DisplayName("a file with a bad field keeps its UUID and says which field holds what, and what was expected")
    void badField() {
        UUID uuid = UUID.randomUUID();
        bed.writeRaw("odd.json", "{\"uuid\": \"" + uuid + "\", \"name\": \"odd\", \"state\": \"hibernating\","
                + " \"vcpus\": 2, \"memoryMib\": 512}");
        InstanceDescriptor d = provider.describeInstance(bed.host(), uuid.toString());
        assertThat(d.uuid()).isEqualTo(uuid);
        assertThat(d.powerState()).isEqualTo(PowerState.UNKNOWN);
        assertThat(d.warnings()).filteredOn(w -> w.code().equals(WarningCodes.DEFINITION_UNREADABLE))
                .singleElement().satisfies(w -> assertThat(w.message()).contains("state")
                        .contains("'hibernating'").contains("running"));
    }

    @Test
    @DisplayName("hidden and non-JSON files are not instances")
    void ignoresOtherFiles() {
        bed.writeRaw(".web.json.tmp", "{}");
        bed.writeRaw("notes.txt", "hello");
        assertThat(provider.listInstances(bed.host())).isEmpty();
    }

    @Test
    @DisplayName("a host of another hypervisor kind is refused naming the kind")
    void otherKind() {
        Host kvm = new Host("h", "kvm", bed.directory().toString());
        assertThatThrownBy(() -> provider.listInstances(kvm)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("kvm").hasMessageContaining("jsondir");
    }
}
