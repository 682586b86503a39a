package dev.unmanaged.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unmanaged.api.error.ErrorCode;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.operation.InstanceListing;
import dev.unmanaged.api.operation.ListQuery;
import dev.unmanaged.tck.fake.InMemoryInventoryStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A provider's untyped failure reaches a host failure with its secrets redacted")
class ForeignErrorTextTest {
    private static final String SENTINEL = "SENTINEL-7c1e";

    /** A provider whose listing fails the way a careless one might: someone else's text, secrets quoted. */
    private static final class LeakyProvider extends ProviderRegistryTest.StubProvider {
        LeakyProvider() {
            super("leaky");
        }

        @Override
        public List<InstanceDescriptor> listInstances(Host host) {
            throw new IllegalStateException("XML error at line 7: <graphics type='vnc' passwd='" + SENTINEL + "'",
                    new RuntimeException("connect to jdbc:postgresql://u:" + SENTINEL + "@db/x?password=" + SENTINEL));
        }
    }

    @Test
    @DisplayName("the failure's message and every cause it carries are redacted")
    void redactedHostFailure() {
        try (var instances = UnmanagedInstances.builder().providers(new LeakyProvider())
                .store(new InMemoryInventoryStore()).build()) {
            InstanceListing listing = instances.list(ListQuery.of(new Host("l1", "leaky", "leaky://l1")));

            assertThat(listing.failures()).singleElement().satisfies(failure -> {
                assertThat(failure.error().code()).isEqualTo(ErrorCode.PROVIDER_FAILURE);
                assertThat(failure.error()).hasMessageContaining("IllegalStateException")
                        .hasMessageContaining("passwd='***'");
                var trace = new StringWriter();
                failure.error().printStackTrace(new PrintWriter(trace));
                assertThat(trace.toString()).doesNotContain(SENTINEL).contains("LeakyProvider.listInstances");
            });
        }
    }
}
