package dev.unmanaged.vsphere;

import dev.unmanaged.api.instance.CpuDescriptor;
import dev.unmanaged.api.instance.CpuTune;
import dev.unmanaged.api.instance.DescriptorWarning;
import dev.unmanaged.api.instance.DiskDescriptor;
import dev.unmanaged.api.instance.Firmware;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.MemoryDescriptor;
import dev.unmanaged.api.instance.NicDescriptor;
import dev.unmanaged.api.instance.OsDescriptor;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.api.instance.ResourceAllocation;
import dev.unmanaged.api.instance.WarningCodes;
import dev.unmanaged.api.text.SafeText;
import dev.unmanaged.vsphere.soap.SoapRequest.PropertyPaths;
import dev.unmanaged.vsphere.vim.Backing;
import dev.unmanaged.vsphere.vim.BootOptions;
import dev.unmanaged.vsphere.vim.InfrastructureDevices;
import dev.unmanaged.vsphere.vim.ManagedObjectReference;
import dev.unmanaged.vsphere.vim.ObjectContent;
import dev.unmanaged.vsphere.vim.PowerStateValue;
import dev.unmanaged.vsphere.vim.ResourceAllocationInfo;
import dev.unmanaged.vsphere.vim.VirtualCdrom;
import dev.unmanaged.vsphere.vim.VirtualController;
import dev.unmanaged.vsphere.vim.VirtualDevice;
import dev.unmanaged.vsphere.vim.VirtualDisk;
import dev.unmanaged.vsphere.vim.VirtualEthernetCard;
import dev.unmanaged.vsphere.vim.VirtualHardware;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps one virtual machine's properties to a descriptor. Only the listed property paths are ever asked for, so
 * {@code config.extraConfig} (whose {@code guestinfo.*} values carry cloud-init data and passwords) and
 * {@code config.annotation} never reach the provider. A device, backing or property of a type this mapping does
 * not read is left out with an informational warning and a log line, never a failure.
 */
final class VirtualMachineMapper {
    private static final Logger LOG = LoggerFactory.getLogger(VirtualMachineMapper.class);
    private static final long MIB = 1024L * 1024L;

    static final List<String> VIEW_TYPES = List.of("VirtualMachine");
    static final List<PropertyPaths> PATHS = List.of(new PropertyPaths("VirtualMachine", List.of("name",
            "config.instanceUuid", "config.uuid", "config.template", "config.hardware", "config.cpuAllocation",
            "config.memoryAllocation", "config.firmware", "config.bootOptions", "config.guestId", "runtime.powerState",
            "runtime.host")));
    /** What tells one VM from another, read from every VM to find the one a caller names. */
    static final List<PropertyPaths> IDENTITY_PATHS = List.of(new PropertyPaths("VirtualMachine", List.of("name",
            "config.instanceUuid", "config.template")));

    private final String hypervisor;

    VirtualMachineMapper(String hypervisor) {
        this.hypervisor = hypervisor;
    }

    /**
     * Whether {@code vm}, read with at least {@link #IDENTITY_PATHS}, is an instance (not a template) with the name
     * or instance UUID {@code nameOrUuid}: {@link InstanceDescriptor#identifies} applied to the name and UUID that
     * {@link #map} would give its descriptor.
     */
    static boolean isIdentifiedBy(ObjectContent vm, String nameOrUuid) {
        Map<String, Object> values = values(vm);
        if (Boolean.TRUE.equals(values.get("config.template"))) {
            return false;
        }
        UUID uuid = values.get("config.instanceUuid") instanceof String text ? parsedUuid(text) : null;
        return InstanceDescriptor.identifies(name(vm, values), uuid, nameOrUuid);
    }

    /** The descriptor of {@code vm} listed on {@code hostId}; empty for a template, which is not an instance. */
    Optional<InstanceDescriptor> map(ObjectContent vm, Inventory inventory, String hostId) {
        Map<String, Object> values = values(vm);
        if (Boolean.TRUE.equals(values.get("config.template"))) {
            return Optional.empty();
        }
        String name = name(vm, values);
        List<DescriptorWarning> warnings = new ArrayList<>();
        UUID uuid = uuid(values.get("config.instanceUuid"), name, warnings);
        VirtualHardware hardware = as(values.get("config.hardware"), VirtualHardware.class, "config.hardware", name,
                warnings);
        if (hardware == null || hardware.numCPU == null || hardware.memoryMB == null || hardware.numCPU < 1
                || hardware.memoryMB < 1) {
            return Optional.of(InstanceDescriptor.definitionUnreadable(hypervisor, name, uuid, null, null,
                    "the virtual hardware of " + SafeText.quoted(name) + " could not be read")
                    .onHost(hostId, powerState(values.get("runtime.powerState")), true).withWarnings(warnings));
        }
        ResourceAllocationInfo cpuAllocation = as(values.get("config.cpuAllocation"), ResourceAllocationInfo.class,
                "config.cpuAllocation", name, warnings);
        ResourceAllocationInfo memoryAllocation = as(values.get("config.memoryAllocation"),
                ResourceAllocationInfo.class, "config.memoryAllocation", name, warnings);
        InstanceDescriptor.Builder builder = InstanceDescriptor.builder().uuid(uuid).name(name).hostId(hostId)
                .hypervisor(hypervisor).powerState(powerState(values.get("runtime.powerState"))).persistent(true)
                .biosUuid(biosUuid(values.get("config.uuid"), name, warnings))
                .cpu(cpu(hardware, cpuAllocation))
                .cpuAllocation(allocation(cpuAllocation, 1))
                .memory(MemoryDescriptor.ofBytes(Math.multiplyExact(hardware.memoryMB, MIB)))
                .memoryAllocation(allocation(memoryAllocation, MIB))
                .os(os(values, name, warnings))
                .placement(inventory.placementOf(values.get("runtime.host") instanceof ManagedObjectReference host
                        ? host : null));
        devices(hardware, inventory, name, builder, warnings);
        return Optional.of(builder.warnings(warnings).build());
    }

    /** The property values of {@code vm} by property path. */
    private static Map<String, Object> values(ObjectContent vm) {
        Map<String, Object> values = new HashMap<>();
        for (ObjectContent.DynamicProperty property : vm.properties) {
            values.put(property.name, property.value);
        }
        return values;
    }

    /** The VM's name; its managed object id when the name is missing. */
    private static String name(ObjectContent vm, Map<String, Object> values) {
        return values.get("name") instanceof String text ? text : vm.obj.value;
    }

    private static @Nullable UUID uuid(@Nullable Object value, String name, List<DescriptorWarning> warnings) {
        if (value instanceof String text && !text.isBlank()) {
            UUID uuid = parsedUuid(text);
            if (uuid == null) {
                warnings.add(DescriptorWarning.blocking(WarningCodes.UUID_MISSING, "config.instanceUuid of "
                        + SafeText.quoted(name) + " is not a UUID: " + SafeText.quoted(text)));
            }
            return uuid;
        }
        warnings.add(DescriptorWarning.blocking(WarningCodes.UUID_MISSING, SafeText.quoted(name)
                + " has no config.instanceUuid"));
        return null;
    }

    /** {@code config.uuid}, the UUID the VM's BIOS reports; null when absent or not a UUID (then noted). */
    private static @Nullable UUID biosUuid(@Nullable Object value, String name, List<DescriptorWarning> warnings) {
        if (!(value instanceof String text) || text.isBlank()) {
            return null;
        }
        UUID uuid = parsedUuid(text);
        if (uuid == null) {
            unread(warnings, "config.uuid of " + SafeText.quoted(name) + " is not a UUID: " + SafeText.quoted(text));
        }
        return uuid;
    }

    /** {@code text} as a UUID, null when it is not one. */
    private static @Nullable UUID parsedUuid(String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * A {@code ResourceAllocationInfo} in the descriptor's unit ({@code unit} bytes or MHz per vSphere unit); a
     * negative limit is vSphere's "unlimited" and becomes null. Null when vSphere gave none.
     */
    private static @Nullable ResourceAllocation allocation(@Nullable ResourceAllocationInfo info, long unit) {
        if (info == null) {
            return null;
        }
        Long reservation = info.reservation == null || info.reservation < 0 ? null
                : Math.multiplyExact(info.reservation, unit);
        Long limit = info.limit == null || info.limit < 0 ? null : Math.multiplyExact(info.limit, unit);
        Long shares = info.shares == null || info.shares.shares == null || info.shares.shares < 0 ? null
                : info.shares.shares;
        return new ResourceAllocation(reservation, limit, shares);
    }

    private static PowerState powerState(@Nullable Object value) {
        if (!(value instanceof PowerStateValue state)) {
            return PowerState.UNKNOWN;
        }
        return switch (state) {
            case POWERED_ON -> PowerState.RUNNING;
            case POWERED_OFF -> PowerState.STOPPED;
            case SUSPENDED -> PowerState.SUSPENDED;
        };
    }

    private static CpuDescriptor cpu(VirtualHardware hardware, @Nullable ResourceAllocationInfo allocation) {
        int vcpus = hardware.numCPU;
        Integer cores = hardware.numCoresPerSocket != null && hardware.numCoresPerSocket > 0
                && vcpus % hardware.numCoresPerSocket == 0 ? hardware.numCoresPerSocket : null;
        Integer sockets = cores == null ? null : vcpus / cores;
        Long shares = allocation == null || allocation.shares == null ? null : allocation.shares.shares;
        CpuTune tune = shares == null || shares <= 0 ? CpuTune.NONE : new CpuTune(shares, null, null, false);
        return new CpuDescriptor(vcpus, vcpus, null, null, sockets, null, cores, cores == null ? null : 1, tune)
                .withSizing(speedMhz(vcpus, allocation), null);
    }

    /**
     * The speed per vCPU that the CPU reservation guarantees: the reservation (MHz for the whole VM) divided by
     * the vCPUs, rounded down; null without a reservation or when that is below 1 MHz. The cap stays null: a
     * vSphere limit is in MHz and a fraction of a vCPU would need the host's clock rate, which a VM's
     * configuration does not state (the limit itself is in the descriptor's CPU allocation).
     */
    static @Nullable Integer speedMhz(int vcpus, @Nullable ResourceAllocationInfo allocation) {
        if (allocation == null || allocation.reservation == null || allocation.reservation < 1) {
            return null;
        }
        long perVcpu = allocation.reservation / vcpus;
        return perVcpu < 1 ? null : (int) Math.min(perVcpu, Integer.MAX_VALUE);
    }

    private static OsDescriptor os(Map<String, Object> values, String name, List<DescriptorWarning> warnings) {
        String guestId = values.get("config.guestId") instanceof String text && !text.isBlank() ? text : null;
        Firmware firmware = null;
        if (values.get("config.firmware") instanceof String text) {
            firmware = switch (text) {
                case "bios" -> Firmware.BIOS;
                case "efi" -> Firmware.EFI;
                default -> {
                    warnings.add(DescriptorWarning.info(WarningCodes.UNMODELLED, "config.firmware of "
                            + SafeText.quoted(name) + " is " + SafeText.quoted(text) + ", neither bios nor efi"));
                    yield null;
                }
            };
        }
        BootOptions boot = as(values.get("config.bootOptions"), BootOptions.class, "config.bootOptions", name,
                warnings);
        Boolean secureBoot = boot == null ? null : boot.efiSecureBootEnabled;
        return new OsDescriptor(guestId, null, null, firmware, secureBoot, List.of());
    }

    private static void devices(VirtualHardware hardware, Inventory inventory, String name,
                                InstanceDescriptor.Builder builder, List<DescriptorWarning> warnings) {
        Map<Integer, VirtualController> controllers = new HashMap<>();
        for (VirtualDevice device : hardware.devices) {
            if (device instanceof VirtualController controller && device.key != null) {
                controllers.put(device.key, controller);
            }
        }
        for (VirtualDevice device : hardware.devices) {
            if (device instanceof VirtualDisk disk) {
                builder.disk(disk(disk, controllers));
            } else if (device instanceof VirtualCdrom cdrom) {
                builder.disk(cdrom(cdrom, controllers));
            } else if (device instanceof VirtualEthernetCard nic) {
                builder.nic(nic(nic, inventory, name, warnings));
            } else if (!(device instanceof VirtualController) && !(device instanceof InfrastructureDevices)) {
                unread(warnings, "a device of a type this provider does not read (" + SafeText.quoted(
                        device.describe()) + ") of " + SafeText.quoted(name) + " is left out");
            }
        }
    }

    private static DiskDescriptor disk(VirtualDisk disk, Map<Integer, VirtualController> controllers) {
        Backing backing = disk.backing;
        Long capacity = disk.capacityInBytes != null && disk.capacityInBytes > 0 ? disk.capacityInBytes
                : disk.capacityInKB == null ? null : Math.multiplyExact(disk.capacityInKB, 1024L);
        boolean rawMapping = backing instanceof Backing.DiskRawMapping;
        return DiskDescriptor.builder().device("disk").type(rawMapping ? "block" : "file").driverType("vmdk")
                .source(backing == null ? null : backing.fileName).deviceName(slot(disk, controllers))
                .bus(bus(disk, controllers)).readOnly(false).capacityBytes(capacity)
                .provisioning(provisioning(backing)).mode(backing == null || backing.diskMode == null
                        || backing.diskMode.isBlank() ? null : backing.diskMode).build();
    }

    /**
     * {@code thin}, {@code thick-eager-zeroed} or {@code thick-lazy-zeroed} for a flat vmdk (vSphere's default
     * when neither flag is set is lazily zeroed thick); null for other backings, whose provisioning is their kind.
     */
    private static @Nullable String provisioning(@Nullable Backing backing) {
        if (!(backing instanceof Backing.DiskFlat flat)) {
            return null;
        }
        if (Boolean.TRUE.equals(flat.thinProvisioned)) {
            return "thin";
        }
        return Boolean.TRUE.equals(flat.eagerlyScrub) ? "thick-eager-zeroed" : "thick-lazy-zeroed";
    }

    private static DiskDescriptor cdrom(VirtualCdrom cdrom, Map<Integer, VirtualController> controllers) {
        Backing backing = cdrom.backing;
        boolean iso = backing instanceof Backing.CdromIso;
        String source = backing == null ? null : iso ? backing.fileName : backing.deviceName;
        return DiskDescriptor.builder().device("cdrom").type(iso ? "file" : "block").driverType(iso ? "raw" : null)
                .source(source == null || source.isBlank() ? null : source).deviceName(slot(cdrom, controllers))
                .bus(bus(cdrom, controllers)).readOnly(true).build();
    }

    private static NicDescriptor nic(VirtualEthernetCard nic, Inventory inventory, String name,
                                     List<DescriptorWarning> warnings) {
        Backing backing = nic.backing;
        String type;
        String source = null;
        String switchName = null;
        if (backing instanceof Backing.DistributedPort port && port.port != null) {
            type = "distributed-portgroup";
            source = port.port.portgroupKey == null ? null : inventory.portgroupName(port.port.portgroupKey);
            switchName = inventory.switchName(port.port.switchUuid);
        } else if (backing instanceof Backing.Network network) {
            type = "portgroup";
            source = network.deviceName;
        } else if (backing instanceof Backing.OpaqueNetwork opaque) {
            type = "opaque-network";
            source = opaque.opaqueNetworkId;
        } else {
            type = "unknown";
            unread(warnings, "the network backing of " + SafeText.quoted(nic.describe()) + " of "
                    + SafeText.quoted(name) + " is of a kind this provider does not read");
        }
        return new NicDescriptor(type, nic.macAddress, nic.adapterType(), source, List.of(), switchName, null, null);
    }

    /** {@code scsi0:1}: the controller's bus and number and the unit; null when the controller is unknown. */
    private static @Nullable String slot(VirtualDevice device, Map<Integer, VirtualController> controllers) {
        VirtualController controller = device.controllerKey == null ? null : controllers.get(device.controllerKey);
        if (controller == null || controller.bus() == null || controller.busNumber == null
                || device.unitNumber == null) {
            return null;
        }
        return controller.bus() + controller.busNumber + ":" + device.unitNumber;
    }

    private static @Nullable String bus(VirtualDevice device, Map<Integer, VirtualController> controllers) {
        VirtualController controller = device.controllerKey == null ? null : controllers.get(device.controllerKey);
        return controller == null ? null : controller.controllerType();
    }

    private static <T> @Nullable T as(@Nullable Object value, Class<T> type, String path, String name,
                                      List<DescriptorWarning> warnings) {
        if (value == null || type.isInstance(value)) {
            return type.cast(value);
        }
        unread(warnings, path + " of " + SafeText.quoted(name) + " came as a type this provider does not read ("
                + value.getClass().getSimpleName() + ")");
        return null;
    }

    private static void unread(List<DescriptorWarning> warnings, String message) {
        LOG.warn("{}", message);
        warnings.add(DescriptorWarning.info(WarningCodes.UNMODELLED, message));
    }
}
