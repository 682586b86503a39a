package dev.unmanaged.api.instance;

import java.util.Objects;

/**
 * A hypervisor host as the orchestrator knows it.
 *
 * @param id         the orchestrator's identifier of the host, unique among hosts
 * @param hypervisor the hypervisor kind that serves it, e.g. {@code kvm}; selects the provider
 * @param address    how the provider reaches the host, e.g. a KVM connection URI such as {@code qemu+ssh://root@h1/system}
 */
public record Host(String id, String hypervisor, String address) {
    public Host {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(hypervisor, "hypervisor");
        Objects.requireNonNull(address, "address");
        if (id.isBlank()) {
            throw new IllegalArgumentException("host id must not be blank");
        }
    }

    /** A KVM host reached at a connection URI, identified by that URI. */
    public static Host kvm(String uri) {
        return new Host(uri, "kvm", uri);
    }
}
