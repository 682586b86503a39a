package dev.unmanaged.vsphere.vim;

import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code config.cpuAllocation} or {@code config.memoryAllocation}: reservation and limit (MHz or MB; a limit of
 * -1 is unlimited) and shares.
 */
@XmlType(name = "ResourceAllocationInfo")
public class ResourceAllocationInfo {
    public Long reservation;
    public Long limit;
    public SharesInfo shares;

    /** Shares: a level ({@code low}, {@code normal}, {@code high}, {@code custom}) and the number for custom. */
    @XmlType(name = "SharesInfo")
    public static class SharesInfo {
        public Long shares;
        public String level;
    }
}
