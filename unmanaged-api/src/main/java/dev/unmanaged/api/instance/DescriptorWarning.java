package dev.unmanaged.api.instance;

import java.util.Objects;

/**
 * Something a provider saw but could not model faithfully, or a fact that makes importing unsafe.
 *
 * @param code          a stable code, see {@link WarningCodes}
 * @param message       what was seen and why it matters; never contains a secret
 * @param blocksImport  true when an import of this instance must be refused while the warning stands
 */
public record DescriptorWarning(String code, String message, boolean blocksImport) {
    public DescriptorWarning {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** A warning that is informational only. */
    public static DescriptorWarning info(String code, String message) {
        return new DescriptorWarning(code, message, false);
    }

    /** A warning that makes any import of the instance a blocking problem. */
    public static DescriptorWarning blocking(String code, String message) {
        return new DescriptorWarning(code, message, true);
    }
}
