package dev.unmanaged.api.instance;

import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.text.SecretRedaction;
import dev.unmanaged.api.text.UserInfo;
import java.util.Objects;

/**
 * A hypervisor host as the orchestrator knows it.
 *
 * @param id         the orchestrator's identifier of the host, unique among hosts
 * @param hypervisor the hypervisor kind that serves it, e.g. {@code kvm}; selects the provider
 * @param address    how the provider reaches the host, e.g. a KVM connection URI such as {@code qemu+ssh://root@h1/system};
 *                   never with a password in its user part, since the address is shown wherever the host is (in
 *                   listings, records, JSON and logs): credentials go to the provider's options; an address
 *                   that holds one ({@code user:password@}, as {@link UserInfo#holdsPassword} reads it) is
 *                   refused with an {@link InvalidRequestException}
 */
public record Host(String id, String hypervisor, String address) {
    public Host {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(hypervisor, "hypervisor");
        Objects.requireNonNull(address, "address");
        if (id.isBlank()) {
            throw new IllegalArgumentException("host id must not be blank");
        }
        if (UserInfo.holdsPassword(address)) {
            throw new InvalidRequestException("host address", SecretRedaction.redact(address),
                    "an address without a password (user@host, not user:password@host); give credentials through"
                            + " the provider's options");
        }
    }

    /** A KVM host reached at a connection URI, identified by that URI. */
    public static Host kvm(String uri) {
        return new Host(uri, "kvm", uri);
    }
}
