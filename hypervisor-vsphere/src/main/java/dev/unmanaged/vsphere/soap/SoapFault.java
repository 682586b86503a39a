package dev.unmanaged.vsphere.soap;

/**
 * A SOAP fault the server answered with: the vim25 fault type from the detail (e.g. {@code NotAuthenticated},
 * {@code InvalidLogin}, {@code ManagedObjectNotFound}) and the server's fault string, escaped for display.
 * Internal: the provider turns it into the api's typed errors.
 */
public final class SoapFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String method;
    private final String faultType;

    SoapFault(String method, String faultType, String faultString) {
        super(method + " failed: " + faultType + (faultString.isBlank() ? "" : " (" + faultString + ")"));
        this.method = method;
        this.faultType = faultType;
    }

    /** A {@code NotAuthenticated} fault the server reported inside a result rather than as a fault. */
    public static SoapFault notAuthenticated(String method) {
        return new SoapFault(method, "NotAuthenticated", "reported for the properties read");
    }

    /** The method that failed. */
    public String method() {
        return method;
    }

    /** The vim25 fault type, e.g. {@code NotAuthenticated}; {@code unknown} when the detail names none. */
    public String faultType() {
        return faultType;
    }

    /** True when the session is unknown or expired. */
    public boolean notAuthenticated() {
        return "NotAuthenticated".equals(faultType);
    }

    /** True when the server refused the user name and password. */
    public boolean invalidLogin() {
        return "InvalidLogin".equals(faultType);
    }
}
