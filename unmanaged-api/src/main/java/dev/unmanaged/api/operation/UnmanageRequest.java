package dev.unmanaged.api.operation;

import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.instance.InstanceUuids;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A request to release a managed instance from the inventory; the instance stays on its host as it is.
 *
 * <p>The instance is named by its UUID ({@link #of(UUID)}) or by its name in the inventory ({@link #named(String)});
 * {@link #parse(String)} takes either, as a person types it. A request may be scoped to one host
 * ({@link #onHost(String)}): then only a record of that host matches, which tells apart instances of one name on
 * several hosts.
 *
 * @param uuid   the managed instance's UUID; null when it is named by {@code name}
 * @param name   the managed instance's name; null when it is named by {@code uuid}
 * @param hostId the {@link dev.unmanaged.api.instance.Host#id()} the record must be on; null for any host
 */
public record UnmanageRequest(@Nullable UUID uuid, @Nullable String name, @Nullable String hostId) {
    public UnmanageRequest {
        if ((uuid == null) == (name == null)) {
            throw new InvalidRequestException("instance", uuid == null ? "nothing" : uuid + " and " + name,
                    "either a UUID or a name");
        }
        if (name != null && name.isBlank()) {
            throw new InvalidRequestException("instance", "'" + name + "'", "a name that is not blank");
        }
        if (hostId != null && hostId.isBlank()) {
            throw new InvalidRequestException("host", "'" + hostId + "'", "a host id that is not blank");
        }
    }

    /** The instance {@code nameOrUuid}, read as {@link #parse(String)} does. */
    public UnmanageRequest(String nameOrUuid) {
        this(Objects.requireNonNull(nameOrUuid, "nameOrUuid"), InstanceUuids.parse(nameOrUuid));
    }

    /** {@code text}, read once: by its UUID when it holds one, else as a name. */
    private UnmanageRequest(String text, Optional<UUID> uuid) {
        this(uuid.orElse(null), uuid.isPresent() ? null : text, null);
    }

    /** The managed instance with this UUID. */
    public static UnmanageRequest of(UUID uuid) {
        return new UnmanageRequest(Objects.requireNonNull(uuid, "uuid"), null, null);
    }

    /** The managed instance with this name; several records of that name need a host or a UUID. */
    public static UnmanageRequest named(String name) {
        return new UnmanageRequest(null, Objects.requireNonNull(name, "name"), null);
    }

    /**
     * The instance {@code nameOrUuid}: a UUID in its 36-character form (any letter case, spaces around it ignored)
     * names the instance by UUID — and, if no record has that UUID, by that text as its name; anything else is a name.
     */
    public static UnmanageRequest parse(String nameOrUuid) {
        return new UnmanageRequest(nameOrUuid);
    }

    /** This request, matching only a record on host {@code id}. */
    public UnmanageRequest onHost(String id) {
        return new UnmanageRequest(uuid, name, Objects.requireNonNull(id, "id"));
    }

    /** How the request names its instance: the UUID as text, or the name. */
    public String instance() {
        return uuid != null ? uuid.toString() : name;
    }

}
