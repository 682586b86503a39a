package dev.unmanaged.api.error;

import java.util.Collection;

/** No loaded provider serves a hypervisor kind. */
public class NoProviderException extends UnmanagedException {
    private static final long serialVersionUID = 1L;

    /**
     * @param hypervisor the hypervisor kind asked for
     * @param available  the kinds that are served
     * @param failures   one line per provider that failed to load
     */
    public NoProviderException(String hypervisor, Collection<String> available, Collection<String> failures) {
        super(ErrorCode.NO_PROVIDER, "no provider serves hypervisor '" + hypervisor + "'; available: "
                + (available.isEmpty() ? "none" : String.join(", ", available))
                + (failures.isEmpty() ? "" : "; failed to load: " + String.join("; ", failures))
                + ". Put a provider for it (e.g. dev.unmanaged:hypervisor-" + hypervisor + ") on the class path.");
    }
}
