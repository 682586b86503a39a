package dev.unmanaged.console;

import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.instance.Host;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The hosts the server was started with. A client names a host by its id only: it can never make the server
 * connect to an address of its own choosing.
 */
public final class ServedHosts {
    private final List<Host> hosts;

    /** The hosts {@code hosts}, in the order given; at least one. */
    public ServedHosts(List<Host> hosts) {
        this.hosts = List.copyOf(Objects.requireNonNull(hosts, "hosts"));
        if (this.hosts.isEmpty()) {
            throw new IllegalArgumentException("hosts: found none, expected at least one");
        }
    }

    /** Every host. */
    public List<Host> all() {
        return hosts;
    }

    /**
     * The host with the id {@code id}.
     *
     * @throws InvalidRequestException naming the field, the value and the ids served
     */
    Host byId(String field, String id) {
        return hosts.stream().filter(h -> h.id().equals(id)).findFirst()
                .orElseThrow(() -> new InvalidRequestException(field, "'" + id + "'",
                        "one of the hosts served: " + String.join(", ", hosts.stream().map(Host::id).toList())));
    }

    /** What a client may know of the hosts: id and hypervisor, never a URI (it may name a user). */
    List<Map<String, String>> summaries() {
        return hosts.stream().map(ServedHosts::summary).toList();
    }

    private static Map<String, String> summary(Host host) {
        var summary = new LinkedHashMap<String, String>();
        summary.put("id", host.id());
        summary.put("hypervisor", host.hypervisor());
        return summary;
    }
}
