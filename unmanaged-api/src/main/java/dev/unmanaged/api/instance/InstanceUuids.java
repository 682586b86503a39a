package dev.unmanaged.api.instance;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** How text that names an instance by name or by UUID is read, the same way in every module. */
public final class InstanceUuids {
    private static final int FULL_LENGTH = 36;

    private InstanceUuids() {
    }

    /**
     * The UUID {@code text} holds in its full 36-character form, in any letter case and with spaces around it
     * ignored; empty for null and for anything else, including the shortened forms {@link UUID#fromString} also
     * accepts (such as {@code 1-2-3-4-5}), which are read as names.
     */
    public static Optional<UUID> parse(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        if (trimmed.length() != FULL_LENGTH) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(trimmed));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
