package dev.unmanaged.kvm;

import dev.unmanaged.api.instance.Host;
import dev.unmanaged.tck.InstanceSpec;
import dev.unmanaged.tck.TestBed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;

/**
 * A conformance-kit bed on libvirt's test driver at {@code test:///default}: the one test-driver host whose
 * state all connections of the process share, so that the bed's own connection and the provider's see the same
 * domains. Disks are volumes of the driver's {@code default-pool}, so their sizes are known to libvirt.
 */
final class TestDriverBed implements TestBed {
    static final String URI = "test:///default";
    private static final String POOL = "default-pool";

    private final Connect connect;

    TestDriverBed() {
        try {
            connect = new Connect(URI);
        } catch (LibvirtException e) {
            throw new IllegalStateException("cannot open " + URI, e);
        }
    }

    @Override
    public Host host() {
        return new Host("test-default", "kvm", URI);
    }

    @Override
    public UUID create(InstanceSpec spec) {
        UUID uuid = UUID.randomUUID();
        try {
            StoragePool pool = connect.storagePoolLookupByName(POOL);
            List<String> sources = new ArrayList<>();
            for (InstanceSpec.DiskSpec disk : spec.disks()) {
                StorageVol volume = pool.storageVolCreateXML("<volume><name>" + volumeName(spec.name(), disk)
                        + "</name><capacity unit='b'>" + disk.capacityBytes() + "</capacity>"
                        + "<target><format type='qcow2'/></target></volume>", 0);
                sources.add(volume.getPath());
            }
            String xml = SpecDomainXml.of(spec, uuid, "kvm", sources,
                    "<interface type='network'><source network='default'/>", "vnc");
            SpecDomains.start(connect, xml, spec);
            return uuid;
        } catch (LibvirtException e) {
            throw new IllegalStateException("the test driver refused " + spec + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void shutDown(UUID uuid) {
        try {
            connect.domainLookupByUUIDString(uuid.toString()).shutdown();
        } catch (LibvirtException e) {
            throw new IllegalStateException("cannot shut down " + uuid + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void remove(UUID uuid) {
        try {
            Optional<String> removed = SpecDomains.remove(connect, uuid);
            if (removed.isEmpty()) {
                return;
            }
            StoragePool pool = connect.storagePoolLookupByName(POOL);
            for (String volume : pool.listVolumes()) {
                if (volume.startsWith(removed.get() + "-")) {
                    pool.storageVolLookupByName(volume).delete(0);
                }
            }
        } catch (LibvirtException e) {
            throw new IllegalStateException("cannot remove " + uuid + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Optional<String>> graphicsPasswordOf(UUID uuid) {
        try {
            return Optional.of(SpecDomains.graphicsPassword(connect, uuid));
        } catch (LibvirtException e) {
            throw new IllegalStateException("cannot read the secure definition of " + uuid + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Host> unreachableHost() {
        return Optional.of(new Host("closed-port", "kvm", "qemu+tcp://127.0.0.1:1/system"));
    }

    @Override
    public void close() {
        try {
            connect.close();
        } catch (LibvirtException ignored) {
            // The test driver's state goes with its last connection; nothing to report.
        }
    }

    private static String volumeName(String domain, InstanceSpec.DiskSpec disk) {
        return domain + "-" + disk.deviceName() + ".qcow2";
    }
}
