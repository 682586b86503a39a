package dev.unmanaged.api.error;

/** No instance with the given UUID or name exists where it was looked for. */
public class InstanceNotFoundException extends UnmanagedException {
    private static final long serialVersionUID = 1L;

    private final String instance;
    private final String where;

    /**
     * @param instance the UUID or name that was looked for
     * @param where    where it was looked for, e.g. a host id or "the inventory"
     */
    public InstanceNotFoundException(String instance, String where) {
        super(ErrorCode.INSTANCE_NOT_FOUND, "no instance '" + instance + "' on " + where);
        this.instance = instance;
        this.where = where;
    }

    /** The UUID or name that was looked for. */
    public String instance() {
        return instance;
    }

    /** Where it was looked for. */
    public String where() {
        return where;
    }
}
