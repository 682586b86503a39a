package dev.unmanaged.core;

import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.operation.ImportPlan;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.Problem;
import dev.unmanaged.api.operation.UnmanagePlan;
import dev.unmanaged.api.spi.UnmanagePreparation;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Something that changed the inventory, or was refused: what an audit log records. */
public sealed interface InstanceEvent {
    /** When it happened, by the facade's clock. */
    Instant at();

    /**
     * An instance was imported.
     *
     * @param instance the record written
     * @param plan     the plan it was imported under
     * @param at       when
     */
    record Imported(ManagedInstance instance, ImportPlan plan, Instant at) implements InstanceEvent {
        public Imported {
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A managed instance was released; it keeps running on its host.
     *
     * @param instance    the record removed
     * @param preparation what the provider did so that the instance survives
     * @param at          when
     */
    record Unmanaged(ManagedInstance instance, UnmanagePreparation preparation, Instant at) implements InstanceEvent {
        public Unmanaged {
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A managed record was forgotten: its instance or its host was gone for good, so nothing was asked of the
     * host; the record and its reservations left the inventory.
     *
     * @param instance the record removed
     * @param plan     the plan it was forgotten under, saying why it was allowed
     * @param at       when
     */
    record Forgotten(ManagedInstance instance, UnmanagePlan plan, Instant at) implements InstanceEvent {
        public Forgotten {
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * An import was refused: its plan had blocking problems, or it lost a race at commit.
     *
     * @param request  the request
     * @param problems why, blocking problems first
     * @param at       when
     */
    record Rejected(ImportRequest request, List<Problem> problems, Instant at) implements InstanceEvent {
        public Rejected {
            Objects.requireNonNull(request, "request");
            problems = problems == null ? List.of() : List.copyOf(problems);
            Objects.requireNonNull(at, "at");
        }
    }
}
