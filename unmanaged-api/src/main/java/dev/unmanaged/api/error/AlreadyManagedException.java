package dev.unmanaged.api.error;

import java.util.UUID;

/** The instance is already in the inventory; an import of it succeeds once only. */
public class AlreadyManagedException extends UnmanagedException {
    private static final long serialVersionUID = 1L;

    private final UUID uuid;

    /** @param uuid the instance that is already managed */
    public AlreadyManagedException(UUID uuid) {
        super(ErrorCode.ALREADY_MANAGED, "instance " + uuid + " is already managed");
        this.uuid = uuid;
    }

    /** The instance that is already managed. */
    public UUID uuid() {
        return uuid;
    }
}
