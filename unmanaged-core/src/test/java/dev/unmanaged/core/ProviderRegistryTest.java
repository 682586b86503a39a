package dev.unmanaged.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unmanaged.api.error.ErrorCode;
import dev.unmanaged.api.error.NoProviderException;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.spi.HypervisorInstanceProvider;
import dev.unmanaged.api.spi.ProviderCapability;
import dev.unmanaged.api.spi.UnmanagePreparation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderRegistryTest {

    /** A provider that serves "alpha". */
    public static class AlphaProvider extends StubProvider {
        public AlphaProvider() {
            super("alpha");
        }
    }

    /** A second provider that claims "ALPHA" too. */
    public static class AlphaAgainProvider extends StubProvider {
        public AlphaAgainProvider() {
            super("ALPHA");
        }
    }

    /** A provider that serves "beta". */
    public static class BetaProvider extends StubProvider {
        public BetaProvider() {
            super("beta");
        }
    }

    /** A provider that counts how often it is constructed. */
    public static class CountedProvider extends StubProvider {
        static final AtomicInteger CONSTRUCTED = new AtomicInteger();

        public CountedProvider() {
            super("counted");
            CONSTRUCTED.incrementAndGet();
        }
    }

    /** A provider whose constructor fails, as one with a missing native library would. */
    public static class ExplodingProvider extends StubProvider {
        public ExplodingProvider() {
            super("boom");
            throw new IllegalStateException("native library libvirt.so.0 not found");
        }
    }

    /** A provider that cannot say what it serves. */
    public static class NamelessProvider extends StubProvider {
        public NamelessProvider() {
            super(null);
        }

        @Override
        public String hypervisor() {
            throw new UnsupportedOperationException("not configured");
        }
    }

    @Test
    @DisplayName("a provider that fails to load is reported and the others still serve their hosts")
    void isolatesProvidersThatFailToLoad(@TempDir Path dir) throws IOException {
        ClassLoader loader = serviceFile(dir,
                AlphaProvider.class.getName(),
                ExplodingProvider.class.getName(),
                "dev.unmanaged.nowhere.MissingProvider",
                ProviderRegistryTest.class.getName(), // not a provider at all
                NamelessProvider.class.getName(),
                BetaProvider.class.getName(),
                AlphaAgainProvider.class.getName());

        ProviderRegistry registry = ProviderRegistry.load(loader);

        assertThat(registry.hypervisors()).containsExactly("alpha", "beta");
        assertThat(registry.providerFor(new Host("h1", "Alpha", "x"))).isInstanceOf(AlphaProvider.class);
        assertThat(registry.providerFor("beta")).isInstanceOf(BetaProvider.class);
        assertThat(registry.failures()).hasSize(5);
        assertThat(registry.failures()).extracting(ProviderLoadFailure::provider).contains(
                ExplodingProvider.class.getName(), NamelessProvider.class.getName(),
                AlphaAgainProvider.class.getName());
        assertThat(registry.failures()).anySatisfy(f -> assertThat(f.reason()).contains("libvirt.so.0"));
        assertThat(registry.failures()).anySatisfy(f -> assertThat(f.reason()).contains("MissingProvider"));
        assertThat(registry.failures()).anySatisfy(f -> assertThat(f.reason()).contains("not a subtype"));
        assertThat(registry.failures()).anySatisfy(f -> assertThat(f.reason()).contains("already served by"));
    }

    @Test
    @DisplayName("no provider for a host's hypervisor is a typed error naming what is served and what failed")
    void clearErrorWhenNoProviderServesAHost(@TempDir Path dir) throws IOException {
        ProviderRegistry registry = ProviderRegistry.load(serviceFile(dir,
                AlphaProvider.class.getName(), ExplodingProvider.class.getName()));

        assertThatThrownBy(() -> registry.providerFor(new Host("h9", "xen", "xen:///")))
                .isInstanceOf(NoProviderException.class)
                .satisfies(e -> assertThat(((NoProviderException) e).code()).isEqualTo(ErrorCode.NO_PROVIDER))
                .hasMessageContaining("'xen'")
                .hasMessageContaining("available: alpha")
                .hasMessageContaining(ExplodingProvider.class.getName())
                .hasMessageContaining("hypervisor-xen");
    }

    @Test
    @DisplayName("an empty class path gives an empty registry, and asking it names no kinds")
    void emptyRegistry(@TempDir Path dir) throws IOException {
        ProviderRegistry registry = ProviderRegistry.load(serviceFile(dir));

        assertThat(registry.hypervisors()).isEmpty();
        assertThat(registry.failures()).isEmpty();
        assertThatThrownBy(() -> registry.providerFor("kvm")).hasMessageContaining("available: none");
    }

    @Test
    @DisplayName("explicit providers are registered without ServiceLoader, and closing one failure closes the rest")
    void explicitProviders() {
        var alpha = new AlphaProvider();
        var beta = new StubProvider("beta") {
            @Override
            public void close() {
                throw new IllegalStateException("close failed");
            }
        };
        ProviderRegistry registry = ProviderRegistry.of(alpha, beta);

        assertThat(registry.providers()).containsExactly(alpha, beta);
        registry.close();
        assertThat(alpha.closed).isTrue();
    }

    @Test
    @DisplayName("configured providers come first, and a discovered one of the same class is not even constructed")
    void configuredProviders(@TempDir Path dir) throws IOException {
        var configured = new CountedProvider();
        int constructedBefore = CountedProvider.CONSTRUCTED.get();

        ProviderRegistry registry = ProviderRegistry.load(serviceFile(dir, CountedProvider.class.getName(),
                BetaProvider.class.getName()), List.of(configured));

        assertThat(registry.providers()).hasSize(2).first().isSameAs(configured);
        assertThat(registry.providerFor("beta")).isInstanceOf(BetaProvider.class);
        assertThat(registry.failures()).isEmpty();
        assertThat(CountedProvider.CONSTRUCTED.get()).isEqualTo(constructedBefore);
    }

    /** A class loader that sees only the provider service file written here (plus the test classes it names). */
    private static ClassLoader serviceFile(Path dir, String... lines) throws IOException {
        return ServiceFiles.classLoader(dir, Map.of(HypervisorInstanceProvider.class, List.of(lines)));
    }

    static class StubProvider implements HypervisorInstanceProvider {
        private final String kind;
        boolean closed;

        StubProvider(String kind) {
            this.kind = kind;
        }

        @Override
        public String hypervisor() {
            return kind;
        }

        @Override
        public Set<ProviderCapability> capabilities() {
            return Set.of();
        }

        @Override
        public List<InstanceDescriptor> listInstances(Host host) {
            return List.of();
        }

        @Override
        public InstanceDescriptor describeInstance(Host host, String nameOrUuid) {
            throw new UnsupportedOperationException();
        }

        @Override
        public UnmanagePreparation prepareForUnmanage(Host host, UUID uuid) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
