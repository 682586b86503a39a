package dev.unmanaged.cli.command;

import dev.unmanaged.api.error.ErrorCode;
import dev.unmanaged.api.error.UnmanagedException;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.text.SafeText;
import dev.unmanaged.cli.CliFailure;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Refuses a plan that names one instance twice, before anything runs: two imports of the same VM would race, and
 * whichever won would decide its settings. The same text on the same host is found at once; a name in one entry
 * and the UUID (or another spelling of it) in another is found by asking the host which instance each names.
 */
final class PlanDuplicates {
    private PlanDuplicates() {
    }

    /**
     * @param where    the plan file, for the message
     * @param requests the plan's imports, in file order
     * @param uuidOf   the UUID of the instance a name or UUID stands for on a host; throws an
     *                 {@link UnmanagedException} when the host cannot say (the import itself then reports it)
     * @throws CliFailure naming both entries (their indexes in {@code imports}) and the instance
     */
    static void refuse(String where, List<ImportRequest> requests, BiFunction<Host, String, UUID> uuidOf) {
        var firstByText = new HashMap<List<String>, Integer>();
        var entriesPerHost = new HashMap<String, Integer>();
        for (int i = 0; i < requests.size(); i++) {
            ImportRequest request = requests.get(i);
            Integer earlier = firstByText.putIfAbsent(List.of(request.host().id(), request.instance()), i);
            if (earlier != null) {
                throw duplicate(where, earlier, i, SafeText.quoted(request.instance()), request.host());
            }
            entriesPerHost.merge(request.host().id(), 1, Integer::sum);
        }
        var firstByUuid = new HashMap<List<String>, Integer>();
        Set<String> silentHosts = new HashSet<>();
        for (int i = 0; i < requests.size(); i++) {
            ImportRequest request = requests.get(i);
            String hostId = request.host().id();
            if (entriesPerHost.get(hostId) < 2 || silentHosts.contains(hostId)) {
                continue;
            }
            Optional<UUID> uuid = resolve(request, uuidOf, silentHosts);
            if (uuid.isEmpty()) {
                continue;
            }
            Integer earlier = firstByUuid.putIfAbsent(List.of(hostId, uuid.get().toString()), i);
            if (earlier != null) {
                throw duplicate(where, earlier, i, SafeText.quoted(requests.get(earlier).instance()) + " and "
                        + SafeText.quoted(request.instance()) + " (UUID " + uuid.get() + ")", request.host());
            }
        }
    }

    private static Optional<UUID> resolve(ImportRequest request, BiFunction<Host, String, UUID> uuidOf,
                                          Set<String> silentHosts) {
        try {
            return Optional.ofNullable(uuidOf.apply(request.host(), request.instance()));
        } catch (UnmanagedException unknown) {
            if (unknown.code() == ErrorCode.HOST_UNAVAILABLE) {
                // Asked once: every other entry of this host would wait for the same answer.
                silentHosts.add(request.host().id());
            }
            return Optional.empty();
        }
    }

    private static CliFailure duplicate(String where, int first, int second, String instance, Host host) {
        return CliFailure.request(SafeText.of(where) + ": imports[" + first + "] and imports[" + second
                + "] name the same instance, " + instance + " on " + SafeText.host(host.id())
                + "; expected each instance once");
    }
}
