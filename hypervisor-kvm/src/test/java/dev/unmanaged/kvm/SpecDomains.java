package dev.unmanaged.kvm;

import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.tck.InstanceSpec;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;

import java.util.Optional;
import java.util.UUID;

/** Brings the test beds' domains into the state and persistence a conformance-kit spec asks for, and removes them. */
final class SpecDomains {
    private SpecDomains() {
    }

    /** Defines or creates the domain of {@code xml} as {@code spec} says: persistent or transient, in its state. */
    static void start(Connect connect, String xml, InstanceSpec spec) throws LibvirtException {
        Domain domain;
        if (spec.persistent()) {
            domain = connect.domainDefineXML(xml);
            if (spec.state() != PowerState.STOPPED) {
                domain.create();
            }
        } else {
            domain = connect.domainCreateXML(xml, 0);
        }
        if (spec.state() == PowerState.PAUSED) {
            domain.suspend();
        }
    }

    /** Destroys and undefines the domain; its name, or empty when there is no such domain. */
    static Optional<String> remove(Connect connect, UUID uuid) throws LibvirtException {
        Domain domain;
        try {
            domain = connect.domainLookupByUUIDString(uuid.toString());
        } catch (LibvirtException e) {
            if (LibvirtErrors.isNoDomain(e)) {
                return Optional.empty();
            }
            throw e;
        }
        String name = domain.getName();
        if (domain.isActive() == 1) {
            domain.destroy();
        }
        try {
            if (domain.isPersistent() == 1) {
                domain.undefine();
            }
        } catch (LibvirtException e) {
            // A transient domain is gone once destroyed.
            if (!LibvirtErrors.isNoDomain(e)) {
                throw e;
            }
        }
        return Optional.of(name);
    }
}
