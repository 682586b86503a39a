package dev.unmanaged.core;

import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.spi.HypervisorInstanceProvider;
import dev.unmanaged.api.spi.InventoryStore;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

/**
 * What the workflows share: the providers, the store, deadline-bound host calls, the clock and the listeners.
 *
 * @param providers    the providers by hypervisor kind
 * @param store        the inventory
 * @param hostCalls    runs provider calls with a deadline
 * @param hostDeadline how long one call to one host may take
 * @param clock        stamps records and events
 * @param events       hands events to listeners
 */
record WorkflowContext(ProviderRegistry providers, InventoryStore store, ProviderCallsWithDeadline hostCalls,
                       Duration hostDeadline, Clock clock, EventDispatcher events) {

    /** Runs {@code call} against the provider of {@code host}, within the host deadline; errors are typed. */
    <T> T onHost(Host host, String what, Function<HypervisorInstanceProvider, T> call) {
        HypervisorInstanceProvider provider = providers.providerFor(host);
        return hostCalls.call(host, hostDeadline, what, () -> call.apply(provider));
    }
}
