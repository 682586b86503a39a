package dev.unmanaged.vsphere;

import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.tck.InstanceSpec;
import dev.unmanaged.tck.TestBed;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates, powers and removes VMs on the vCenter simulator through its own vim25 API ({@code CreateVM_Task} with a
 * config spec, power and destroy tasks), past the provider. Disks go on one paravirtual SCSI controller, unit by
 * unit ({@code vda} is {@code scsi0:0}); NICs get the spec's MAC on the standard "VM Network". Every VM also gets a
 * {@code guestinfo.password} and an annotation holding {@link #SECRET}, which no output may ever show.
 */
final class SimulatorBed implements TestBed {
    /** A secret in every created VM's extraConfig and annotation. */
    static final String SECRET = "bed-secret-" + Long.toHexString(Double.doubleToLongBits(Math.random()));

    private final Simulator simulator;
    private final Host host;
    private final SimulatorApi api;
    private final String vmFolder;
    private final String pool;
    private final Map<UUID, String> vms = new ConcurrentHashMap<>();

    SimulatorBed(Simulator simulator, Host host) {
        this.simulator = simulator;
        this.host = host;
        this.api = new SimulatorApi(simulator.sdk(), "bed", "bed-password");
        this.vmFolder = SimulatorApi.references(api.retrieveAll("Datacenter", "vmFolder"), "Folder").get(0);
        this.pool = SimulatorApi.references(api.retrieveAll("ClusterComputeResource", "resourcePool"),
                "ResourcePool").get(0);
    }

    SimulatorApi api() {
        return api;
    }

    @Override
    public Host host() {
        return host;
    }

    /** How a created disk is backed: its vSphere disk mode and whether it is thin or eagerly zeroed thick. */
    record DiskBacking(String mode, boolean thin, boolean eagerlyZeroed) {
        static final DiskBacking THIN = new DiskBacking("persistent", true, false);

        String xml() {
            return "<diskMode>" + mode + "</diskMode><thinProvisioned>" + thin + "</thinProvisioned><eagerlyScrub>"
                    + eagerlyZeroed + "</eagerlyScrub>";
        }
    }

    @Override
    public UUID create(InstanceSpec spec) {
        return create(spec, "", List.of());
    }

    /**
     * Creates a VM as {@link #create(InstanceSpec)} does, with {@code settings} (config spec elements such as
     * {@code <uuid>} or {@code <cpuAllocation>}) added and the disks backed as {@code backings} says, disk by disk
     * ({@link DiskBacking#THIN} for those it does not name).
     */
    UUID create(InstanceSpec spec, String settings, List<DiskBacking> backings) {
        UUID uuid = UUID.randomUUID();
        StringBuilder devices = new StringBuilder();
        if (!spec.disks().isEmpty()) {
            devices.append("<deviceChange><operation>add</operation><device xsi:type=\"ParaVirtualSCSIController\">"
                    + "<key>-100</key><busNumber>0</busNumber><sharedBus>noSharing</sharedBus></device>"
                    + "</deviceChange>");
        }
        for (int i = 0; i < spec.disks().size(); i++) {
            InstanceSpec.DiskSpec disk = spec.disks().get(i);
            DiskBacking backing = i < backings.size() ? backings.get(i) : DiskBacking.THIN;
            devices.append("<deviceChange><operation>add</operation><fileOperation>create</fileOperation>"
                    + "<device xsi:type=\"VirtualDisk\"><key>-").append(1 + unit(disk)).append("</key>"
                    + "<backing xsi:type=\"VirtualDiskFlatVer2BackingInfo\"><fileName></fileName>")
                    .append(backing.xml()).append("</backing><controllerKey>-100</controllerKey><unitNumber>")
                    .append(unit(disk)).append("</unitNumber><capacityInKB>")
                    .append(disk.capacityBytes() / 1024).append("</capacityInKB></device></deviceChange>");
        }
        int nicKey = -200;
        for (InstanceSpec.NicSpec nic : spec.nics()) {
            devices.append("<deviceChange><operation>add</operation><device xsi:type=\"VirtualVmxnet3\"><key>")
                    .append(nicKey--).append("</key><backing xsi:type=\"VirtualEthernetCardNetworkBackingInfo\">"
                    + "<deviceName>VM Network</deviceName></backing><addressType>manual</addressType><macAddress>")
                    .append(nic.mac()).append("</macAddress></device></deviceChange>");
        }
        String config = "<config><name>" + spec.name() + "</name><instanceUuid>" + uuid + "</instanceUuid><guestId>"
                + "otherGuest64</guestId><files><vmPathName>[LocalDS_0]</vmPathName></files><numCPUs>" + spec.vcpus()
                + "</numCPUs><memoryMB>" + spec.memoryBytes() / (1024 * 1024) + "</memoryMB><annotation>annotation "
                + SECRET + "</annotation>" + settings + devices + "<extraConfig><key>guestinfo.password</key>"
                + "<value xsi:type=\"xsd:string\">" + SECRET + "</value></extraConfig></config>";
        String info = api.runTask("CreateVM_Task", "Folder", vmFolder, config + "<pool type=\"ResourcePool\">" + pool
                + "</pool>");
        String vm = SimulatorApi.references(info, "VirtualMachine").get(0);
        vms.put(uuid, vm);
        if (spec.state() == PowerState.RUNNING) {
            api.runTask("PowerOnVM_Task", "VirtualMachine", vm, "");
        }
        return uuid;
    }

    /** Suspends a running VM (vSphere's own suspend, which keeps memory on disk). */
    void suspend(UUID uuid) {
        api.runTask("SuspendVM_Task", "VirtualMachine", vms.get(uuid), "");
    }

    /** Makes the simulator's stand-in for VMware Tools report {@code address} on the VM's first NIC. */
    void reportGuestAddress(UUID uuid, String address) {
        api.runTask("ReconfigVM_Task", "VirtualMachine", vms.get(uuid), "<spec><extraConfig><key>SET.guest.ipAddress"
                + "</key><value xsi:type=\"xsd:string\">" + address + "</value></extraConfig></spec>");
    }

    /** Marks a stopped VM as a template. */
    void markAsTemplate(UUID uuid) {
        api.call("<MarkAsTemplate><_this type=\"VirtualMachine\">" + vms.get(uuid) + "</_this></MarkAsTemplate>");
    }

    @Override
    public void shutDown(UUID uuid) {
        api.runTask("PowerOffVM_Task", "VirtualMachine", vms.get(uuid), "");
    }

    @Override
    public void remove(UUID uuid) {
        String vm = vms.remove(uuid);
        if (vm == null) {
            return;
        }
        try {
            api.runTask("PowerOffVM_Task", "VirtualMachine", vm, "");
        } catch (IllegalStateException alreadyOff) {
            // a stopped or suspended VM refuses a power-off in some states; destroying it still works
        }
        api.runTask("Destroy_Task", "VirtualMachine", vm, "");
    }

    @Override
    public Optional<Host> unreachableHost() {
        return Optional.of(new Host("vc-closed", VsphereInstanceProvider.HYPERVISOR,
                "vsphere://tester@127.0.0.1:1/sdk?thumbprint=" + simulator.thumbprint()));
    }

    @Override
    public String reportedDiskName(InstanceSpec.DiskSpec disk) {
        return "scsi0:" + unit(disk);
    }

    /** vda → 0, vdb → 1, …; unit 7 is the controller's own. */
    private static int unit(InstanceSpec.DiskSpec disk) {
        int index = disk.deviceName().charAt(disk.deviceName().length() - 1) - 'a';
        return index >= 7 ? index + 1 : index;
    }

    List<UUID> created() {
        return List.copyOf(vms.keySet());
    }
}
