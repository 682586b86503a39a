package dev.unmanaged.core;

import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.operation.ImportPlan;
import java.util.List;
import java.util.Optional;

/**
 * A plan with what the commit needs beyond the public {@link ImportPlan}.
 *
 * @param plan     the plan shown to users
 * @param nics     the NICs to record, with how each one's address is to be reserved
 * @param existing the record already in the inventory for the instance, if any
 */
record PlannedImport(ImportPlan plan, List<PlannedNic> nics, Optional<ManagedInstance> existing) {
}
