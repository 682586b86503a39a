package dev.unmanaged.api.operation;

import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.api.internal.Copies;
import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.inventory.ManagedNic;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an unmanage (or a forget) of one managed instance would do, and what blocks it. Nothing was written.
 *
 * @param request              the request
 * @param forget               true for a plan to forget the record without asking the host to keep the instance
 * @param record               the managed record that would leave the inventory
 * @param instance             the instance as just read from its host; null when the host could not be asked or
 *                             no longer has it
 * @param definesPersistently  true when the instance is transient and would first be defined persistently
 * @param powerState           the instance's power state on its host; {@link PowerState#UNKNOWN} when unread
 * @param releasedReservations the MAC and IP reservations that would be released, one per NIC of the record
 * @param problems             what blocks it: {@link ProblemCode#HOST_UNREACHABLE}, {@link ProblemCode#INSTANCE_GONE},
 *                             {@link ProblemCode#READ_ONLY_TRANSIENT}, or for a forget
 *                             {@link ProblemCode#INSTANCE_STILL_PRESENT}
 */
public record UnmanagePlan(UnmanageRequest request, boolean forget, ManagedInstance record,
                           @Nullable InstanceDescriptor instance, boolean definesPersistently, PowerState powerState,
                           List<ManagedNic> releasedReservations, List<Problem> problems) {
    public UnmanagePlan {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(record, "record");
        powerState = Objects.requireNonNullElse(powerState, PowerState.UNKNOWN);
        releasedReservations = Copies.list(releasedReservations);
        problems = Copies.list(problems);
    }

    /** True when nothing blocks it. */
    public boolean possible() {
        return problems.stream().noneMatch(Problem::blocks);
    }

    /** The blocking problems. */
    public List<Problem> blockingProblems() {
        return problems.stream().filter(Problem::blocks).toList();
    }
}
