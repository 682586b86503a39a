package dev.unmanaged.vsphere.vim;

import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;

/** The response elements of the methods the provider calls; each holds its {@code returnval}. */
public final class Responses {
    private Responses() {
    }

    /** The answer of {@code RetrieveServiceContent}. */
    @XmlType(name = "")
    public static class ServiceContentResponse {
        public ServiceContent returnval;
    }

    /** The answer of {@code RetrievePropertiesEx} and {@code ContinueRetrievePropertiesEx}; null when empty. */
    @XmlType(name = "")
    public static class RetrievePropertiesResponse {
        public RetrieveResult returnval;
    }

    /** The answer of {@code CreateContainerView}. */
    @XmlType(name = "")
    public static class ReferenceResponse {
        public ManagedObjectReference returnval;
    }

    /** The answer of {@code Login}: the session (only its key is read). */
    @XmlType(name = "")
    public static class LoginResponse {
        public UserSession returnval;
    }

    /** A user session; only its key. */
    @XmlType(name = "UserSession")
    public static class UserSession {
        public String key;
    }

    /** An answer whose content is not read ({@code DestroyView}, {@code Logout}). */
    @XmlType(name = "")
    public static class EmptyResponse {
        @XmlValue
        public String ignored;
    }
}
