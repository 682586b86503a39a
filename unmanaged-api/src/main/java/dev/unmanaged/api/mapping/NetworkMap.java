package dev.unmanaged.api.mapping;

import dev.unmanaged.api.internal.Copies;
import java.util.List;
import java.util.Objects;

/**
 * Ordered rules from a NIC's attachment on its host to a catalog network: the first rule that matches a NIC wins;
 * a NIC no rule matches stays unmapped (and its plan says so).
 *
 * @param rules     the rules, in the order they are tried
 * @param defaultIp the address policy of a rule that names none
 */
public record NetworkMap(List<NetworkRule> rules, IpPolicy defaultIp) {
    /** No rules. */
    public static final NetworkMap EMPTY = new NetworkMap(List.of(), IpPolicy.NONE);

    public NetworkMap {
        rules = Copies.list(rules);
        Objects.requireNonNull(defaultIp, "defaultIp");
    }
}
