package dev.unmanaged.api.instance;

import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.text.SecretRedaction;
import java.util.Objects;

/**
 * A hypervisor host as the orchestrator knows it.
 *
 * @param id         the orchestrator's identifier of the host, unique among hosts
 * @param hypervisor the hypervisor kind that serves it, e.g. {@code kvm}; selects the provider
 * @param address    how the provider reaches the host, e.g. a KVM connection URI such as {@code qemu+ssh://root@h1/system};
 *                   never with a password in its user part, since the address is shown wherever the host is (in
 *                   listings, records, JSON and logs): credentials go to the provider's options; an address
 *                   that holds one ({@code user:password@}) is refused with an {@link InvalidRequestException}
 */
public record Host(String id, String hypervisor, String address) {
    public Host {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(hypervisor, "hypervisor");
        Objects.requireNonNull(address, "address");
        if (id.isBlank()) {
            throw new IllegalArgumentException("host id must not be blank");
        }
        if (holdsPassword(address)) {
            throw new InvalidRequestException("host address", SecretRedaction.redact(address),
                    "an address without a password (user@host, not user:password@host); give credentials through"
                            + " the provider's options");
        }
    }

    /** Whether the authority of a {@code scheme://} address has user information with a password part. */
    private static boolean holdsPassword(String address) {
        int start = address.indexOf("://");
        if (start < 0) {
            return false;
        }
        int end = start + 3;
        while (end < address.length() && "/?#".indexOf(address.charAt(end)) < 0) {
            end++;
        }
        String authority = address.substring(start + 3, end);
        int at = authority.lastIndexOf('@');
        return at > 0 && authority.substring(0, at).indexOf(':') >= 0;
    }

    /** A KVM host reached at a connection URI, identified by that URI. */
    public static Host kvm(String uri) {
        return new Host(uri, "kvm", uri);
    }
}
