package dev.unmanaged.vsphere.vim;

import jakarta.xml.bind.annotation.XmlType;

/** The service instance's content: where the objects the provider talks to are. */
@XmlType(name = "ServiceContent")
public class ServiceContent {
    public ManagedObjectReference rootFolder;
    public ManagedObjectReference propertyCollector;
    public ManagedObjectReference viewManager;
    public ManagedObjectReference sessionManager;
    public AboutInfo about;

    /** What the server says it is. */
    @XmlType(name = "AboutInfo")
    public static class AboutInfo {
        public String fullName;
        public String apiType;
        public String apiVersion;
        public String instanceUuid;
    }
}
