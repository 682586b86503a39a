package dev.unmanaged.kvm.xml;

import jakarta.xml.bind.ValidationEvent;
import jakarta.xml.bind.ValidationEventLocator;
import org.glassfish.jaxb.runtime.v2.runtime.Coordinator;

/**
 * Keeps JAXB's per-thread slot for its active coordinator filled while a document is unmarshalled. The runtime
 * fills that slot at every element and text event and, when it was empty before, removes it again afterwards: a
 * thread-local entry made and dropped three times per element, about a tenth of a parse (measured with the parse
 * benchmark's profile). With a holder in the slot the runtime puts the holder back instead of removing the entry.
 * The holder is never asked anything: the runtime consults only the coordinator it has set itself.
 */
final class CoordinatorSlotHolder extends Coordinator {
    /** Fills the calling thread's slot until {@link #release()}; the two pair up on one thread. */
    void hold() {
        pushCoordinator();
    }

    /** Leaves the slot as {@link #hold()} found it. */
    void release() {
        popCoordinator();
    }

    @Override
    protected ValidationEventLocator getLocation() {
        return null;
    }

    @Override
    public boolean handleEvent(ValidationEvent event) {
        return false;
    }
}
