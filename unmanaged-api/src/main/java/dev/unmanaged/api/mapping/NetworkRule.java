package dev.unmanaged.api.mapping;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One rule of a {@link NetworkMap}: NICs attached as {@code match} says go onto catalog network {@code networkId}.
 *
 * @param match     where the NIC is attached on its host
 * @param networkId the catalog network
 * @param ip        the address policy of this rule; null to take the map's
 */
public record NetworkRule(NicMatch match, String networkId, @Nullable IpPolicy ip) {
    public NetworkRule {
        Objects.requireNonNull(match, "match");
        MapValues.requireText("network", networkId);
    }

    /** A rule taking the map's address policy. */
    public static NetworkRule of(NicMatch match, String networkId) {
        return new NetworkRule(match, networkId, null);
    }
}
