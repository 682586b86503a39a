package dev.unmanaged.api.mapping;

import java.util.Objects;

/**
 * How every instance of a fleet is mapped: its NICs by a {@link NetworkMap}, its disks by a {@link StorageMap}
 * and its offering by an {@link OfferingPolicy}. What a request names explicitly (a NIC's network or address, a
 * disk's pool, the offering) wins over the map.
 *
 * @param networks the network map
 * @param storage  the storage map
 * @param offering how the offering is chosen when the request names none
 */
public record ImportMap(NetworkMap networks, StorageMap storage, OfferingPolicy offering) {
    public ImportMap {
        Objects.requireNonNull(networks, "networks");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(offering, "offering");
    }
}
