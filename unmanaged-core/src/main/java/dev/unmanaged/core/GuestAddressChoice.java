package dev.unmanaged.core;

import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.NicDescriptor;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.api.instance.WarningCodes;
import dev.unmanaged.api.operation.Problem;
import dev.unmanaged.api.operation.ProblemCode;
import dev.unmanaged.api.text.SafeText;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses the address {@code current} stands for on one NIC: the one IPv4 address the running guest uses there.
 * No address, or a guest that is not running, is {@link ProblemCode#IP_GUEST_UNKNOWN}; several are
 * {@link ProblemCode#IP_GUEST_AMBIGUOUS}, as guessing one would record an address the operator did not choose.
 */
final class GuestAddressChoice {
    /** States in which a guest holds addresses; a paused guest keeps its own. */
    private static final Set<PowerState> GUEST_RUNNING = Set.of(PowerState.RUNNING, PowerState.PAUSED);

    private GuestAddressChoice() {
    }

    /** The guest's one IPv4 address on {@code nic}, or empty after adding the problem that says why there is none. */
    static Optional<String> of(String subject, InstanceDescriptor instance, NicDescriptor nic, List<Problem> problems) {
        List<String> ipv4 = nic.guestIpv4Addresses();
        if (ipv4.isEmpty() && !GUEST_RUNNING.contains(instance.powerState())) {
            problems.add(Problem.block(ProblemCode.IP_GUEST_UNKNOWN, subject, "instance "
                    + SafeText.quoted(instance.name()) + " is " + instance.powerState().name().toLowerCase(Locale.ROOT)
                    + ", so no address of its guest is known; expected a running instance for current, or a fixed IP"
                    + " or auto"));
            return Optional.empty();
        }
        if (ipv4.isEmpty()) {
            problems.add(Problem.block(ProblemCode.IP_GUEST_UNKNOWN, subject, "the hypervisor reports no IPv4"
                    + " address of the guest on this NIC" + unavailableSources(instance)
                    + "; expected one for current, or a fixed IP or auto"));
            return Optional.empty();
        }
        if (ipv4.size() > 1) {
            problems.add(Problem.block(ProblemCode.IP_GUEST_AMBIGUOUS, subject, "the guest uses " + ipv4.size()
                    + " IPv4 addresses on this NIC " + ipv4 + "; expected one for current, or name one of them as"
                    + " a fixed IP"));
            return Optional.empty();
        }
        return Optional.of(ipv4.get(0));
    }

    /** Why the sources said nothing, when the provider said so, so that the operator can fix it. */
    private static String unavailableSources(InstanceDescriptor instance) {
        List<String> why = instance.warnings().stream()
                .filter(w -> WarningCodes.GUEST_ADDRESSES_UNAVAILABLE.equals(w.code()))
                .map(w -> SafeText.of(w.message())).toList();
        return why.isEmpty() ? "" : " (" + String.join("; ", why) + ")";
    }
}
