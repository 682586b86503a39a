package dev.unmanaged.vsphere;

import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.instance.Placement;
import dev.unmanaged.api.text.SafeText;
import dev.unmanaged.vsphere.soap.SoapRequest.PropertyPaths;
import dev.unmanaged.vsphere.vim.ManagedObjectReference;
import dev.unmanaged.vsphere.vim.ObjectContent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The part of an endpoint's inventory that says where virtual machines run and what their networks are called:
 * datacenters, folders, clusters, compute resources and ESXi hosts by name and parent, distributed port groups by
 * key and distributed switches by UUID. Read in one paged retrieval per listing.
 */
final class Inventory {
    static final List<String> VIEW_TYPES = List.of("Datacenter", "Folder", "ComputeResource", "HostSystem",
            "DistributedVirtualPortgroup", "DistributedVirtualSwitch");
    static final List<PropertyPaths> PATHS = List.of(
            new PropertyPaths("Datacenter", List.of("name", "parent")),
            new PropertyPaths("Folder", List.of("name", "parent")),
            new PropertyPaths("ComputeResource", List.of("name", "parent")),
            new PropertyPaths("ClusterComputeResource", List.of("name", "parent")),
            new PropertyPaths("HostSystem", List.of("name", "parent")),
            new PropertyPaths("DistributedVirtualPortgroup", List.of("name", "key")),
            new PropertyPaths("DistributedVirtualSwitch", List.of("name", "uuid")),
            new PropertyPaths("VmwareDistributedVirtualSwitch", List.of("name", "uuid")));

    /** One object: its reference, name and parent. */
    private record Entity(ManagedObjectReference reference, String name, @Nullable ManagedObjectReference parent) {
    }

    private final Map<String, Entity> entities = new HashMap<>();
    private final Map<String, String> portgroupNames = new HashMap<>();
    private final Map<String, String> switchNames = new HashMap<>();

    Inventory(List<ObjectContent> objects) {
        for (ObjectContent object : objects) {
            Map<String, Object> values = new HashMap<>();
            for (ObjectContent.DynamicProperty property : object.properties) {
                values.put(property.name, property.value);
            }
            String name = values.get("name") instanceof String text ? text : object.obj.value;
            ManagedObjectReference parent = values.get("parent") instanceof ManagedObjectReference reference
                    ? reference : null;
            entities.put(object.obj.key(), new Entity(object.obj, name, parent));
            if (values.get("key") instanceof String key) {
                portgroupNames.put(key, name);
            }
            if (values.get("uuid") instanceof String uuid) {
                switchNames.put(uuid, name);
            }
        }
    }

    /** Where the VM on {@code host} runs; null when the host is unknown. */
    @Nullable Placement placementOf(@Nullable ManagedObjectReference host) {
        Entity esxi = host == null ? null : entities.get(host.key());
        if (esxi == null) {
            return null;
        }
        Entity compute = esxi.parent() == null ? null : entities.get(esxi.parent().key());
        String cluster = compute != null && "ClusterComputeResource".equals(compute.reference().type)
                ? compute.name() : null;
        return new Placement(esxi.name(), cluster, ancestorName(esxi, "Datacenter"));
    }

    /** The name of the distributed port group {@code key}, or the key itself when unknown. */
    String portgroupName(String key) {
        return portgroupNames.getOrDefault(key, key);
    }

    /** The name of the distributed switch {@code uuid}; null when unknown. */
    @Nullable String switchName(@Nullable String uuid) {
        return uuid == null ? null : switchNames.get(uuid);
    }

    /**
     * The object the endpoint's {@code datacenter}, {@code cluster} and {@code host} parameters narrow a listing to,
     * or {@code root} when none is given.
     *
     * @throws InvalidRequestException naming the parameter when no such object exists
     */
    ManagedObjectReference scope(VsphereEndpoint endpoint, ManagedObjectReference root) {
        ManagedObjectReference scope = root;
        if (endpoint.datacenter() != null) {
            scope = find("datacenter", endpoint.datacenter(), List.of("Datacenter"), null);
        }
        if (endpoint.cluster() != null) {
            scope = find("cluster", endpoint.cluster(), List.of("ClusterComputeResource"), endpoint.datacenter());
        }
        if (endpoint.esxiHost() != null) {
            scope = find("host", endpoint.esxiHost(), List.of("HostSystem"), endpoint.datacenter());
        }
        return scope;
    }

    private ManagedObjectReference find(String parameter, String name, List<String> types,
                                        @Nullable String datacenter) {
        List<Entity> matches = entities.values().stream()
                .filter(e -> types.contains(e.reference().type) && e.name().equals(name))
                .filter(e -> datacenter == null || datacenter.equals(ancestorName(e, "Datacenter")))
                .toList();
        if (matches.size() == 1) {
            return matches.get(0).reference();
        }
        List<String> known = entities.values().stream().filter(e -> types.contains(e.reference().type))
                .map(Entity::name).sorted().distinct().toList();
        throw new InvalidRequestException("host address parameter " + parameter, SafeText.of(name),
                matches.isEmpty() ? "the name of one " + parameter + (datacenter == null ? "" : " in datacenter "
                        + SafeText.quoted(datacenter)) + ", one of " + SafeText.of(known)
                        : "a name only one " + parameter + " has (add datacenter= to tell them apart)");
    }

    private @Nullable String ancestorName(Entity start, String type) {
        Entity current = start;
        for (int hops = 0; current != null && hops < 64; hops++) {
            if (type.equals(current.reference().type)) {
                return current.name();
            }
            ManagedObjectReference parent = current.parent();
            current = parent == null ? null : entities.get(parent.key());
        }
        return null;
    }
}
