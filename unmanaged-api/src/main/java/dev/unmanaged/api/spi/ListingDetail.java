package dev.unmanaged.api.spi;

/**
 * Details a listing reads only when asked, because they cost the host more calls than the rest of the listing
 * (see {@link HypervisorInstanceProvider#listInstances(dev.unmanaged.api.instance.Host, java.util.Set)}).
 */
public enum ListingDetail {
    /**
     * The addresses running guests use on their NICs
     * ({@link dev.unmanaged.api.instance.NicDescriptor#guestAddresses()}): at least one call per running instance.
     */
    GUEST_ADDRESSES
}
