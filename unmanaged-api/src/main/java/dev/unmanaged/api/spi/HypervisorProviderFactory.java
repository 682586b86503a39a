package dev.unmanaged.api.spi;

/**
 * Creates a {@link HypervisorInstanceProvider} from {@link ProviderSettings}, so that an embedder can configure a
 * provider found by {@link java.util.ServiceLoader} without naming its class in code.
 *
 * <p>Optional: a provider without a factory is still found and built with its defaults. A factory is registered
 * like a provider, in {@code META-INF/services/dev.unmanaged.api.spi.HypervisorProviderFactory} and, on the module
 * path, with {@code provides dev.unmanaged.api.spi.HypervisorProviderFactory with ...}. It needs a public
 * no-argument constructor that does no work.
 *
 * <p>Settings hold plain values only (flags, durations, numbers); credentials and other secrets are handed to a
 * provider in code, never through settings.
 */
public interface HypervisorProviderFactory {

    /** The hypervisor kind the created providers serve, e.g. {@code kvm}; the same as their {@code hypervisor()}. */
    String hypervisor();

    /**
     * A new provider configured by {@code settings}; keys not given take the provider's defaults.
     *
     * @throws dev.unmanaged.api.error.InvalidRequestException naming the key, the value and what was expected when
     *         a value is not allowed, or naming an unknown key and listing the known ones
     */
    HypervisorInstanceProvider create(ProviderSettings settings);
}
