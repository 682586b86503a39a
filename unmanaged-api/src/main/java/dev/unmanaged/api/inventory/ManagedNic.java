package dev.unmanaged.api.inventory;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A NIC of a managed instance with its network and address reservations.
 *
 * @param mac       MAC address, lower case; unique within the network
 * @param networkId the network it is mapped onto
 * @param ipAddress the IPv4 address reserved for it, null when none
 */
public record ManagedNic(String mac, String networkId, @Nullable String ipAddress) {
    public ManagedNic {
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(networkId, "networkId");
        mac = mac.toLowerCase(Locale.ROOT);
    }
}
