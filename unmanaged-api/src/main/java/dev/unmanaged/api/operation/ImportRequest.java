package dev.unmanaged.api.operation;

import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.internal.Copies;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A request to import one unmanaged instance into the inventory.
 *
 * @param host             the host the instance is on
 * @param instance         the instance's UUID (preferred) or name on that host
 * @param ownerId          the owner it will belong to
 * @param displayName      the name shown to the owner; null to keep the instance name
 * @param offeringId       the compute offering
 * @param cpus             vCPUs for a custom offering; null to take the instance's
 * @param memoryBytes      memory for a custom offering; null to take the instance's
 * @param templateId       the template / OS type; null when none
 * @param networkByMac     NIC (by MAC, lower case) to network id
 * @param ipByMac          NIC (by MAC, lower case) to IP assignment; NICs not listed get no address
 * @param poolByDisk       disk (by device name, e.g. vda or scsi0:1) to storage pool id
 * @param diskOfferingByDisk disk (by device name) to disk offering id
 * @param options          dry run and MAC handling
 */
public record ImportRequest(Host host, String instance, String ownerId, @Nullable String displayName, String offeringId,
                            @Nullable Integer cpus, @Nullable Long memoryBytes, @Nullable String templateId,
                            Map<String, String> networkByMac,
                            Map<String, IpAssignment> ipByMac, Map<String, String> poolByDisk,
                            Map<String, String> diskOfferingByDisk, ImportOptions options) {
    public ImportRequest {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(instance, "instance");
        networkByMac = lowerCaseKeys(networkByMac);
        ipByMac = lowerCaseKeys(ipByMac);
        poolByDisk = Copies.map(poolByDisk);
        diskOfferingByDisk = Copies.map(diskOfferingByDisk);
        options = Objects.requireNonNullElse(options, ImportOptions.DEFAULT);
    }

    private static <V> Map<String, V> lowerCaseKeys(Map<String, V> map) {
        if (map == null) {
            return Map.of();
        }
        var lower = new LinkedHashMap<String, V>();
        map.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        return Map.copyOf(lower);
    }

    /** A builder for the instance {@code instance} on {@code host}. */
    public static Builder builder(Host host, String instance) {
        return new Builder(host, instance);
    }

    /** This request with other options. */
    public ImportRequest withOptions(ImportOptions newOptions) {
        return new ImportRequest(host, instance, ownerId, displayName, offeringId, cpus, memoryBytes, templateId,
                networkByMac, ipByMac, poolByDisk, diskOfferingByDisk, newOptions);
    }

    /** Builds an {@link ImportRequest} step by step. */
    public static final class Builder {
        private final Host host;
        private final String instance;
        private String ownerId;
        private String displayName;
        private String offeringId;
        private Integer cpus;
        private Long memoryBytes;
        private String templateId;
        private final Map<String, String> networkByMac = new LinkedHashMap<>();
        private final Map<String, IpAssignment> ipByMac = new LinkedHashMap<>();
        private final Map<String, String> poolByDisk = new LinkedHashMap<>();
        private final Map<String, String> diskOfferingByDisk = new LinkedHashMap<>();
        private boolean dryRun;
        private boolean regenerateCollidingMacs;

        private Builder(Host host, String instance) {
            this.host = host;
            this.instance = instance;
        }

        /** The owner. */
        public Builder owner(String id) {
            this.ownerId = id;
            return this;
        }

        /** The display name. */
        public Builder displayName(@Nullable String name) {
            this.displayName = name;
            return this;
        }

        /** The compute offering. */
        public Builder offering(String id) {
            this.offeringId = id;
            return this;
        }

        /** vCPUs and memory for a custom offering. */
        public Builder custom(@Nullable Integer vcpus, @Nullable Long memory) {
            this.cpus = vcpus;
            this.memoryBytes = memory;
            return this;
        }

        /** The template / OS type. */
        public Builder template(@Nullable String id) {
            this.templateId = id;
            return this;
        }

        /** Maps the NIC with {@code mac} onto {@code networkId}. */
        public Builder network(String mac, String networkId) {
            networkByMac.put(mac, networkId);
            return this;
        }

        /** Gives the NIC with {@code mac} an address. */
        public Builder ip(String mac, IpAssignment ip) {
            ipByMac.put(mac, ip);
            return this;
        }

        /** Maps disk {@code deviceName} onto {@code poolId}. */
        public Builder pool(String deviceName, String poolId) {
            poolByDisk.put(deviceName, poolId);
            return this;
        }

        /** Maps disk {@code deviceName} onto {@code diskOfferingId}. */
        public Builder diskOffering(String deviceName, String diskOfferingId) {
            diskOfferingByDisk.put(deviceName, diskOfferingId);
            return this;
        }

        /** Plan only. */
        public Builder dryRun(boolean value) {
            this.dryRun = value;
            return this;
        }

        /** Regenerate MACs that collide. */
        public Builder regenerateCollidingMacs(boolean value) {
            this.regenerateCollidingMacs = value;
            return this;
        }

        /** The request. */
        public ImportRequest build() {
            return new ImportRequest(host, instance, ownerId, displayName, offeringId, cpus, memoryBytes, templateId,
                    networkByMac, ipByMac, poolByDisk, diskOfferingByDisk,
                    new ImportOptions(dryRun, regenerateCollidingMacs));
        }
    }
}
