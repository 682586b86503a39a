package dev.unmanaged.api.error;

/** Stable codes of {@link UnmanagedException}s, for programs that react to errors. */
public enum ErrorCode {
    /** No instance with that UUID or name exists on the host or in the inventory. */
    INSTANCE_NOT_FOUND,
    /** The instance is already in the inventory. */
    ALREADY_MANAGED,
    /** The import was refused; the plan's problems say why. */
    IMPORT_REJECTED,
    /** An address (IP or MAC) is already reserved on the network. */
    ADDRESS_IN_USE,
    /** The host could not be reached (or did not answer in time). */
    HOST_UNAVAILABLE,
    /** The host refused the operation for lack of permission. */
    ACCESS_DENIED,
    /** The host does not support the operation. */
    OPERATION_NOT_SUPPORTED,
    /** An instance definition could not be read: a field holds a value that is not allowed. */
    INVALID_DEFINITION,
    /** A request holds a value that is not allowed. */
    INVALID_REQUEST,
    /** No provider serves the host's hypervisor. */
    NO_PROVIDER,
    /** The inventory store could not be reached or failed. */
    STORE_FAILURE,
    /** The provider failed for another reason. */
    PROVIDER_FAILURE
}
