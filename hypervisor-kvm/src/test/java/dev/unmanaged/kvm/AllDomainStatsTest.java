package dev.unmanaged.kvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainInfo.DomainState;

@DisplayName("The bulk stats call bound through JNA")
class AllDomainStatsTest {
    private static final String DEFAULT_NODE = "test:///default";

    @Test
    @DisplayName("reads every domain's state by UUID in one call on the provider's own connection")
    void statesByUuid() throws Exception {
        NativeConnect connect = new NativeConnect(DEFAULT_NODE, null, 0);
        try {
            Domain test = connect.domainLookupByName("test");
            UUID uuid = UUID.fromString(test.getUUIDString());
            test.free();

            AllDomainStats.Outcome outcome = AllDomainStats.read(connect);

            assertThat(outcome.unavailable()).isEmpty();
            assertThat(outcome.byUuid()).containsOnlyKeys(uuid);
            assertThat(outcome.byUuid().get(uuid).state()).isEqualTo(DomainState.VIR_DOMAIN_RUNNING);
        } finally {
            connect.close();
        }
    }

    @Test
    @DisplayName("says why it read nothing on a connection it has no native handle of")
    void foreignConnection() throws Exception {
        Connect connect = new Connect(DEFAULT_NODE, true);
        try {
            AllDomainStats.Outcome outcome = AllDomainStats.read(connect);

            assertThat(outcome.byUuid()).isEmpty();
            assertThat(outcome.unavailable()).hasValueSatisfying(why -> assertThat(why).contains("not opened"));
        } finally {
            connect.close();
        }
    }
}
