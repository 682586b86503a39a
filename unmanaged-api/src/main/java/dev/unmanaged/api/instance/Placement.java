package dev.unmanaged.api.instance;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where an instance runs inside a host that manages many hypervisors (a vCenter): the hypervisor host, its
 * cluster and its datacenter. Absent ({@code null} on the descriptor) where the host is the hypervisor itself, as
 * for KVM.
 *
 * @param hypervisorHost the name of the hypervisor host that runs the instance, e.g. an ESXi host
 * @param cluster        the cluster of that host, null when the host is in none
 * @param datacenter     the datacenter, null when not known
 */
public record Placement(String hypervisorHost, @Nullable String cluster, @Nullable String datacenter) {
    public Placement {
        Objects.requireNonNull(hypervisorHost, "hypervisorHost");
    }
}
