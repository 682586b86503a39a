package dev.unmanaged.vsphere;

import dev.unmanaged.api.spi.HypervisorInstanceProvider;
import dev.unmanaged.api.spi.HypervisorProviderFactory;
import dev.unmanaged.api.spi.ProviderSettings;
import java.util.Set;

/**
 * Creates a {@link VsphereInstanceProvider} from settings. The keys (docs/vsphere-provider.md):
 * <ul>
 *   <li>{@value #CALL_TIMEOUT}: ISO-8601 ({@code PT30S}) or whole seconds (default two minutes)</li>
 *   <li>{@value #MAX_OBJECTS}: 1 to {@value #MAX_MAX_OBJECTS} VMs per page of properties (default
 *       {@value VsphereProviderOptions#DEFAULT_MAX_OBJECTS})</li>
 * </ul>
 * Credentials are not a setting: a provider that logs in is built in code with {@link VsphereCredentials}; one
 * built from settings alone has none, and every login is refused.
 */
public final class VsphereProviderFactory implements HypervisorProviderFactory {
    /** The longest one request may take. */
    public static final String CALL_TIMEOUT = "callTimeout";
    /** How many VMs one page of properties may hold. */
    public static final String MAX_OBJECTS = "maxObjects";
    /** The largest page allowed. */
    public static final int MAX_MAX_OBJECTS = 10_000;

    /** The factory {@link java.util.ServiceLoader} instantiates; does no work. */
    public VsphereProviderFactory() {
    }

    @Override
    public String hypervisor() {
        return VsphereInstanceProvider.HYPERVISOR;
    }

    @Override
    public HypervisorInstanceProvider create(ProviderSettings settings) {
        settings.requireOnly(Set.of(CALL_TIMEOUT, MAX_OBJECTS));
        return new VsphereInstanceProvider(new VsphereProviderOptions(VsphereCredentials.none(),
                settings.duration(CALL_TIMEOUT, VsphereProviderOptions.DEFAULT_CALL_TIMEOUT),
                settings.integer(MAX_OBJECTS, 1, MAX_MAX_OBJECTS, VsphereProviderOptions.DEFAULT_MAX_OBJECTS)));
    }
}
