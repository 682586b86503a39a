package dev.unmanaged.api.operation;

/** How serious a {@link Problem} is. */
public enum Severity {
    /** The import must not go ahead. */
    BLOCK,
    /** The import may go ahead; the user should know. */
    WARN
}
