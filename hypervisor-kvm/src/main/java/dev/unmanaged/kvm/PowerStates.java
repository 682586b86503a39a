package dev.unmanaged.kvm;

import dev.unmanaged.api.instance.PowerState;
import org.libvirt.DomainInfo.DomainState;

/** libvirt's domain states as the api's power states. */
final class PowerStates {
    private PowerStates() {
    }

    static PowerState of(DomainState state) {
        if (state == null) {
            return PowerState.UNKNOWN;
        }
        return switch (state) {
            // BLOCKED is a running domain waiting on a resource.
            case VIR_DOMAIN_RUNNING, VIR_DOMAIN_BLOCKED -> PowerState.RUNNING;
            case VIR_DOMAIN_PAUSED -> PowerState.PAUSED;
            case VIR_DOMAIN_PMSUSPENDED -> PowerState.SUSPENDED;
            // SHUTDOWN is a domain on its way to shut off.
            case VIR_DOMAIN_SHUTDOWN, VIR_DOMAIN_SHUTOFF -> PowerState.STOPPED;
            case VIR_DOMAIN_CRASHED -> PowerState.CRASHED;
            case VIR_DOMAIN_NOSTATE -> PowerState.UNKNOWN;
        };
    }
}
