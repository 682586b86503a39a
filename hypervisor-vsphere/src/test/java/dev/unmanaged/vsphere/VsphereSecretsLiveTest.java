package dev.unmanaged.vsphere;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.json.UnmanagedJson;
import dev.unmanaged.tck.InstanceSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A VM whose extraConfig holds {@code guestinfo.password} and whose annotation holds a sentinel: neither appears in
 * any descriptor, its text or JSON form, any error, or any line the provider logs at DEBUG. The provider never even
 * asks for those properties.
 */
@DisplayName("No extraConfig value or annotation of a vSphere VM appears in any output or log")
class VsphereSecretsLiveTest {
    @Test
    @DisplayName("guestinfo.password and the annotation sentinel are in no descriptor, JSON, error or log line")
    void secretsNeverLeave() throws Exception {
        Simulator simulator = Simulator.shared();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream original = System.err;
        List<String> outputs = new ArrayList<>();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try (VsphereInstanceProvider provider = new VsphereInstanceProvider(VsphereProviderOptions.of(
                (server, user) -> "pw".toCharArray()).withCallTimeout(Duration.ofSeconds(20)));
             SimulatorBed bed = new SimulatorBed(simulator, simulator.host())) {
            UUID uuid = bed.create(InstanceSpec.running("secret-" + System.nanoTime() % 100000));
            try {
                String raw = bed.api().retrieveAll("VirtualMachine", "config.extraConfig", "config.annotation");
                assertThat(raw.split(SimulatorBed.SECRET, -1)).as("the simulator holds the secret twice, past the "
                        + "provider").hasSizeGreaterThanOrEqualTo(3);
                List<InstanceDescriptor> listing = provider.listInstances(bed.host());
                InstanceDescriptor described = provider.describeInstance(bed.host(), uuid.toString());
                assertThat(listing).anyMatch(d -> uuid.equals(d.uuid()));
                outputs.add(listing.toString());
                outputs.add(described.toString());
                outputs.add(UnmanagedJson.mapper().writeValueAsString(listing));
                outputs.add(String.valueOf(provider.prepareForUnmanage(bed.host(), uuid)));
                // A host address with a password is refused before any provider sees it.
                assertThatThrownBy(() -> new Host("vc", VsphereInstanceProvider.HYPERVISOR,
                        "vsphere://ops:" + SimulatorBed.SECRET + "@127.0.0.1/sdk"))
                        .satisfies(e -> outputs.add(e.toString()));
            } finally {
                bed.remove(uuid);
            }
        } finally {
            System.setErr(original);
        }
        outputs.add(log.toString(StandardCharsets.UTF_8));
        assertThat(log.toString(StandardCharsets.UTF_8)).as("the provider logged at DEBUG").contains("DEBUG").contains("logged in to");
        for (String output : outputs) {
            // Never print the output itself on failure: it would leak the secret into the test report.
            assertThat(output.contains(SimulatorBed.SECRET)).as("an output or log line holds the secret").isFalse();
            assertThat(output).doesNotContain("guestinfo");
        }
    }
}
