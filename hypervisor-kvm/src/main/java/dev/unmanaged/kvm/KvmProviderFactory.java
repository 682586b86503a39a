package dev.unmanaged.kvm;

import dev.unmanaged.api.spi.HypervisorInstanceProvider;
import dev.unmanaged.api.spi.HypervisorProviderFactory;
import dev.unmanaged.api.spi.ProviderSettings;
import java.util.Set;

/**
 * Creates a {@link KvmInstanceProvider} from settings, for embedders that configure the provider through
 * {@code ProviderRegistry.load(Map)} without naming its class. The keys (docs/kvm-provider.md):
 * <ul>
 *   <li>{@value #READ_ONLY}: {@code true} or {@code false} (default false), see {@link KvmProviderOptions#readOnly()}</li>
 *   <li>{@value #CALL_TIMEOUT}: ISO-8601 ({@code PT30S}) or whole seconds (default two minutes)</li>
 *   <li>{@value #READ_PARALLELISM}: 1 to {@value #MAX_READ_PARALLELISM} (default
 *       {@value KvmProviderOptions#DEFAULT_READ_PARALLELISM})</li>
 *   <li>{@value #TEST_DRIVER_ALLOWED}: {@code true} or {@code false} (default false), see
 *       {@link KvmProviderOptions#testDriverAllowed()}</li>
 * </ul>
 * Credentials are not a setting: a provider that must authenticate is built in code with
 * {@link KvmProviderOptions.Builder#credentials(LibvirtCredentials)}.
 */
public final class KvmProviderFactory implements HypervisorProviderFactory {
    /** Open connections read-only. */
    public static final String READ_ONLY = "readOnly";
    /** The longest one call may take on one host. */
    public static final String CALL_TIMEOUT = "callTimeout";
    /** How many of one host's domains a listing reads at a time. */
    public static final String READ_PARALLELISM = "readParallelism";
    /** Accept hosts at libvirt's test-driver URIs. */
    public static final String TEST_DRIVER_ALLOWED = "testDriverAllowed";

    /** More reads at a time than libvirtd serves per client by default only queue up; 64 leaves room to raise it. */
    public static final int MAX_READ_PARALLELISM = 64;

    private static final Set<String> KNOWN_KEYS = Set.of(READ_ONLY, CALL_TIMEOUT, READ_PARALLELISM, TEST_DRIVER_ALLOWED);

    /** The factory {@link java.util.ServiceLoader} instantiates; does no work. */
    public KvmProviderFactory() {
    }

    @Override
    public String hypervisor() {
        return KvmInstanceProvider.HYPERVISOR;
    }

    @Override
    public HypervisorInstanceProvider create(ProviderSettings settings) {
        return new KvmInstanceProvider(options(settings));
    }

    /** The options {@code settings} describe, defaults for keys not given. */
    static KvmProviderOptions options(ProviderSettings settings) {
        settings.requireOnly(KNOWN_KEYS);
        return KvmProviderOptions.builder()
                .readOnly(settings.flag(READ_ONLY, false))
                .callTimeout(settings.duration(CALL_TIMEOUT, KvmProviderOptions.DEFAULT_CALL_TIMEOUT))
                .readParallelism(settings.integer(READ_PARALLELISM, 1, MAX_READ_PARALLELISM,
                        KvmProviderOptions.DEFAULT_READ_PARALLELISM))
                .testDriverAllowed(settings.flag(TEST_DRIVER_ALLOWED, false))
                .build();
    }
}
