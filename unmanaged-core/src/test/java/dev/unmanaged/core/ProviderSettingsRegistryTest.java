package dev.unmanaged.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unmanaged.api.spi.HypervisorInstanceProvider;
import dev.unmanaged.api.spi.HypervisorProviderFactory;
import dev.unmanaged.api.spi.ProviderSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderSettingsRegistryTest {

    /** The "alpha" provider as discovered, with its defaults. */
    public static class DefaultAlphaProvider extends ProviderRegistryTest.StubProvider {
        static final AtomicReference<DefaultAlphaProvider> LAST = new AtomicReference<>();

        public DefaultAlphaProvider() {
            super("alpha");
            LAST.set(this);
        }
    }

    /** The "alpha" provider as its factory configures it. */
    static final class ConfiguredAlphaProvider extends ProviderRegistryTest.StubProvider {
        final boolean fast;
        final Duration patience;

        ConfiguredAlphaProvider(boolean fast, Duration patience) {
            super("alpha");
            this.fast = fast;
            this.patience = patience;
        }
    }

    /** Builds "alpha" providers from the keys {@code fast} and {@code patience}. */
    public static class AlphaFactory implements HypervisorProviderFactory {
        @Override
        public String hypervisor() {
            return "Alpha";
        }

        @Override
        public HypervisorInstanceProvider create(ProviderSettings settings) {
            settings.requireOnly(Set.of("fast", "patience"));
            return new ConfiguredAlphaProvider(settings.flag("fast", false),
                    settings.duration("patience", Duration.ofSeconds(5)));
        }
    }

    @Test
    @DisplayName("a kind's settings reach its factory, whose provider serves the kind instead of the discovered one")
    void settingsReachTheFactory(@TempDir Path dir) throws IOException {
        ProviderRegistry registry = ProviderRegistry.load(loader(dir),
                Map.of("ALPHA", ProviderSettings.of(Map.of("fast", "true", "patience", "PT1M"))));

        assertThat(registry.providerFor("alpha")).isInstanceOfSatisfying(ConfiguredAlphaProvider.class, provider -> {
            assertThat(provider.fast).isTrue();
            assertThat(provider.patience).isEqualTo(Duration.ofMinutes(1));
        });
        assertThat(registry.providerFor("beta")).isInstanceOf(ProviderRegistryTest.BetaProvider.class);
        assertThat(registry.failures()).isEmpty();
        assertThat(DefaultAlphaProvider.LAST.get().closed).as("the unused discovered provider is closed").isTrue();
    }

    @Test
    @DisplayName("without settings every provider is discovered with its defaults, factories or not")
    void noSettingsMeansDefaults(@TempDir Path dir) throws IOException {
        ProviderRegistry registry = ProviderRegistry.load(loader(dir), Map.of());

        assertThat(registry.providerFor("alpha")).isInstanceOf(DefaultAlphaProvider.class);
        assertThat(registry.hypervisors()).containsExactly("alpha", "beta");
        assertThat(registry.failures()).isEmpty();
    }

    @Test
    @DisplayName("a value of the wrong type is a failure naming the key, the value and what was expected")
    void badValueFailsInIsolation(@TempDir Path dir) throws IOException {
        ProviderRegistry registry = ProviderRegistry.load(loader(dir),
                Map.of("alpha", ProviderSettings.of(Map.of("fast", "sometimes"))));

        assertThat(registry.find("alpha")).as("no provider with defaults that were not asked for").isEmpty();
        assertThat(registry.providerFor("beta")).isInstanceOf(ProviderRegistryTest.BetaProvider.class);
        assertThat(registry.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.provider()).isEqualTo(AlphaFactory.class.getName());
            assertThat(failure.reason()).contains("InvalidRequestException", "setting fast", "'sometimes'",
                    "true or false");
        });
    }

    @Test
    @DisplayName("an unknown key is a failure naming it and listing the known ones")
    void unknownKeyFails(@TempDir Path dir) throws IOException {
        ProviderRegistry registry = ProviderRegistry.load(loader(dir),
                Map.of("alpha", ProviderSettings.of(Map.of("fsat", "true"))));

        assertThat(registry.failures()).singleElement().satisfies(failure ->
                assertThat(failure.reason()).contains("found 'fsat'", "[fast, patience]"));
    }

    @Test
    @DisplayName("settings for a kind that no factory serves fail alone; the discovered providers still load")
    void kindWithoutFactoryFailsInIsolation(@TempDir Path dir) throws IOException {
        ProviderRegistry registry = ProviderRegistry.load(loader(dir),
                Map.of("beta", ProviderSettings.of(Map.of("fast", "true"))));

        assertThat(registry.hypervisors()).containsExactly("alpha");
        assertThat(registry.failures()).singleElement().satisfies(failure ->
                assertThat(failure.reason()).contains("no HypervisorProviderFactory serves hypervisor 'beta'",
                        "factories found for [alpha]"));
    }

    @Test
    @DisplayName("a factory that cannot be loaded is reported, and the kinds it does not touch still load")
    void brokenFactoryIsIsolated(@TempDir Path dir) throws IOException {
        ClassLoader loader = ServiceFiles.classLoader(dir, Map.of(
                HypervisorInstanceProvider.class, List.of(ProviderRegistryTest.BetaProvider.class.getName()),
                HypervisorProviderFactory.class, List.of("dev.unmanaged.nowhere.MissingFactory")));

        ProviderRegistry registry = ProviderRegistry.load(loader, Map.of());

        assertThat(registry.hypervisors()).containsExactly("beta");
        assertThat(registry.failures()).singleElement().satisfies(failure ->
                assertThat(failure.reason()).contains("MissingFactory"));
    }

    private static ClassLoader loader(Path dir) throws IOException {
        return ServiceFiles.classLoader(dir, Map.of(
                HypervisorInstanceProvider.class,
                List.of(DefaultAlphaProvider.class.getName(), ProviderRegistryTest.BetaProvider.class.getName()),
                HypervisorProviderFactory.class, List.of(AlphaFactory.class.getName())));
    }
}
