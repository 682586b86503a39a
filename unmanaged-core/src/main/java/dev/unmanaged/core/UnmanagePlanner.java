package dev.unmanaged.core;

import dev.unmanaged.api.error.InstanceNotFoundException;
import dev.unmanaged.api.error.UnmanagedException;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.operation.Problem;
import dev.unmanaged.api.operation.ProblemCode;
import dev.unmanaged.api.operation.UnmanagePlan;
import dev.unmanaged.api.operation.UnmanageRequest;
import dev.unmanaged.api.text.SafeText;
import dev.unmanaged.api.text.SecretRedaction;
import java.util.ArrayList;

/**
 * Says what an unmanage or a forget of one managed record would do, reading the instance from its host and
 * writing nothing: an unmanage needs the instance present on a reachable host (and, when it is transient, a
 * provider that may define it), a forget needs it gone.
 */
final class UnmanagePlanner {
    private final WorkflowContext context;

    UnmanagePlanner(WorkflowContext context) {
        this.context = context;
    }

    UnmanagePlan plan(UnmanageRequest request, ManagedInstance record, boolean forget) {
        Host host = record.host();
        String where = "host " + SafeText.host(host.id());
        var problems = new ArrayList<Problem>();
        InstanceDescriptor instance = null;
        try {
            instance = context.onHost(host, "describing an instance before unmanage",
                    provider -> provider.describeInstance(host, record.uuid().toString()));
        } catch (InstanceNotFoundException e) {
            if (!forget) {
                problems.add(Problem.block(ProblemCode.INSTANCE_GONE, "instance", "instance " + record.uuid()
                        + " is no longer on " + where + "; expected it there to keep it, or forget its record"
                        + " (unmanage --forget)"));
            }
        } catch (UnmanagedException e) {
            if (!forget) {
                problems.add(Problem.block(ProblemCode.HOST_UNREACHABLE, "host", where + " could not be asked ("
                        + SafeText.of(SecretRedaction.redact(e.getMessage())) + "); expected a reachable host, or,"
                        + " when it is gone for good, forgetting the record (unmanage --forget)"));
            }
        }
        boolean transientNow = instance != null && Boolean.FALSE.equals(instance.persistent());
        if (forget && instance != null) {
            problems.add(Problem.block(ProblemCode.INSTANCE_STILL_PRESENT, "instance", "instance " + record.uuid()
                    + " is still present on reachable " + where + " (" + instance.powerState()
                    + "); expected it gone, as forgetting leaves it unmanaged by anyone: unmanage it instead"));
        }
        if (!forget && transientNow && context.providers().providerFor(host).readOnly()) {
            problems.add(Problem.block(ProblemCode.READ_ONLY_TRANSIENT, "instance", "instance " + record.uuid()
                    + " is transient and the provider of " + where + " only reads, so it cannot be defined"
                    + " persistently; expected read-write access, or it would vanish at its next shutdown"));
        }
        return new UnmanagePlan(request, forget, record, instance, !forget && transientNow,
                instance == null ? PowerState.UNKNOWN : instance.powerState(), record.nics(), problems);
    }
}
