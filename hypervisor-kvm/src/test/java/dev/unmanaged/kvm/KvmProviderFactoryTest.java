package dev.unmanaged.kvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unmanaged.api.error.AccessDeniedException;
import dev.unmanaged.api.error.HostUnavailableException;
import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.spi.HypervisorInstanceProvider;
import dev.unmanaged.api.spi.HypervisorProviderFactory;
import dev.unmanaged.api.spi.ProviderSettings;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The KVM provider factory, configured by settings on libvirt's test driver")
class KvmProviderFactoryTest {
    private final Host host = TestDriverHosts.mixedStates();

    @Test
    @DisplayName("is found by ServiceLoader for hypervisor kvm")
    void discovered() {
        assertThat(ServiceLoader.load(HypervisorProviderFactory.class).stream())
                .anySatisfy(found -> assertThat(found.get())
                        .isInstanceOf(KvmProviderFactory.class)
                        .extracting(HypervisorProviderFactory::hypervisor).isEqualTo("kvm"));
    }

    @Test
    @DisplayName("without settings builds the default provider, which refuses a test: host naming the setting")
    void defaultsRefuseTheTestDriver() {
        try (KvmInstanceProvider provider = create(Map.of())) {
            assertThat(provider.options()).isEqualTo(KvmProviderOptions.defaults());
            assertThatThrownBy(() -> provider.listInstances(host))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("testDriverAllowed");
        }
    }

    @Test
    @DisplayName("testDriverAllowed=true lets a test:/// host list")
    void testDriverAllowed() {
        try (KvmInstanceProvider provider = create(Map.of("testDriverAllowed", "true"))) {
            assertThat(provider.listInstances(host)).hasSize(8);
        }
    }

    @Test
    @DisplayName("readOnly=true opens read-only connections: listing works, defining a transient domain is denied")
    void readOnly() {
        try (KvmInstanceProvider provider = create(Map.of("testDriverAllowed", "true", "readOnly", "true"))) {
            UUID transientDomain = provider.describeInstance(host, "web-transient").uuid();

            assertThatThrownBy(() -> provider.prepareForUnmanage(host, transientDomain))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    @DisplayName("callTimeout takes ISO-8601 or whole seconds, and a call that overruns it makes the host unavailable")
    void callTimeout() {
        try (KvmInstanceProvider seconds = create(Map.of("callTimeout", "45"))) {
            assertThat(seconds.options().callTimeout()).isEqualTo(Duration.ofSeconds(45));
        }
        try (KvmInstanceProvider impatient = create(Map.of("testDriverAllowed", "true",
                "callTimeout", "PT0.000000001S"))) {
            assertThatThrownBy(() -> impatient.listInstances(host)).isInstanceOf(HostUnavailableException.class)
                    .hasMessageContaining("did not finish within");
        }
    }

    @Test
    @DisplayName("readParallelism sets how many domains a listing reads at a time, from 1 up")
    void readParallelism() {
        try (KvmInstanceProvider oneAtATime = create(Map.of("testDriverAllowed", "true", "readParallelism", "1"))) {
            assertThat(oneAtATime.options().readParallelism()).isEqualTo(1);
            assertThat(oneAtATime.listInstances(host)).hasSize(8);
        }
        assertThatThrownBy(() -> create(Map.of("readParallelism", "0"))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("setting readParallelism: found '0', expected a whole number from 1 to 64");
    }

    @Test
    @DisplayName("a bad value or an unknown key is a typed error naming the key; credentials are not a setting")
    void badSettings() {
        assertThatThrownBy(() -> create(Map.of("readOnly", "yes"))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("setting readOnly: found 'yes', expected true or false");
        assertThatThrownBy(() -> create(Map.of("callTimeout", "-PT1S")))
                .hasMessageContaining("setting callTimeout: found '-PT1S', expected a positive duration");
        assertThatThrownBy(() -> create(Map.of("password", "open-sesame"))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("found 'password'")
                .hasMessageContaining("[callTimeout, readOnly, readParallelism, testDriverAllowed]")
                .message().doesNotContain("open-sesame");
    }

    private static KvmInstanceProvider create(Map<String, String> settings) {
        HypervisorInstanceProvider provider = new KvmProviderFactory().create(ProviderSettings.of(settings));
        return (KvmInstanceProvider) provider;
    }
}
