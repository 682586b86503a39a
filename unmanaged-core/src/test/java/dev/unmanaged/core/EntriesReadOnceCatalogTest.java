package dev.unmanaged.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import dev.unmanaged.api.inventory.AddressRange;
import dev.unmanaged.api.inventory.Network;
import dev.unmanaged.api.inventory.Owner;
import dev.unmanaged.api.spi.InventoryCatalog;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The catalog of one fleet plan")
class EntriesReadOnceCatalogTest {
    private final InventoryCatalog store = mock(InventoryCatalog.class);
    private final EntriesReadOnceCatalog catalog = new EntriesReadOnceCatalog(store);

    @Test
    @DisplayName("reads each catalog entry, found or not, once from the store however often it is looked up")
    void entriesOnce() {
        Owner acme = new Owner("acme", "ACME");
        Network net = new Network("net1", "Net 1", new AddressRange("10.0.0.1", "10.0.0.9"), null, Set.of());
        when(store.owner("acme")).thenReturn(Optional.of(acme));
        when(store.owner("nobody")).thenReturn(Optional.empty());
        when(store.network("net1")).thenReturn(Optional.of(net));

        for (int i = 0; i < 3; i++) {
            assertThat(catalog.owner("acme")).contains(acme);
            assertThat(catalog.owner("nobody")).isEmpty();
            assertThat(catalog.network("net1")).contains(net);
        }

        verify(store).owner("acme");
        verify(store).owner("nobody");
        verify(store).network("net1");
        verifyNoMoreInteractions(store);
    }

    @Test
    @DisplayName("asks the store about reservations and free addresses every time: they change as imports run")
    void reservationsEveryTime() {
        when(store.isIpInUse("net1", "10.0.0.5")).thenReturn(false, true);
        when(store.firstFreeIp("net1")).thenReturn(Optional.of("10.0.0.1"), Optional.of("10.0.0.2"));

        assertThat(catalog.isIpInUse("net1", "10.0.0.5")).isFalse();
        assertThat(catalog.isIpInUse("net1", "10.0.0.5")).isTrue();
        assertThat(catalog.firstFreeIp("net1")).contains("10.0.0.1");
        assertThat(catalog.firstFreeIp("net1")).contains("10.0.0.2");
        catalog.isMacInUse("net1", "52:54:00:00:00:01");
        catalog.isMacInUse("net1", "52:54:00:00:00:01");

        verify(store, times(2)).isIpInUse("net1", "10.0.0.5");
        verify(store, times(2)).firstFreeIp("net1");
        verify(store, times(2)).isMacInUse("net1", "52:54:00:00:00:01");
    }
}
