package dev.unmanaged.cli.command;

import dev.unmanaged.api.instance.DiskDescriptor;
import dev.unmanaged.api.instance.InstanceDescriptor;
import java.util.List;

/** The cells {@code list --storage} adds for an instance: snapshots, backing chains, shared disks, block jobs. */
final class StorageCells {
    private StorageCells() {
    }

    /**
     * The snapshot count ({@code not read} when the provider did not read them), each disk with a backing chain
     * and its number of layers ({@code vda+2}), each disk another instance uses ({@code vda:db-01}) and each disk
     * with a block job ({@code vda:copy}); {@code -} when there is none.
     */
    static List<Object> of(InstanceDescriptor d) {
        Object snapshots = d.snapshots() == null ? "not read" : d.snapshots().snapshots().size();
        List<String> backing = d.disks().stream().filter(disk -> !disk.backingChain().isEmpty())
                .map(disk -> name(disk) + "+" + disk.backingChain().size()).toList();
        List<String> shared = d.disks().stream().flatMap(disk -> disk.sharedWith().stream()
                .map(user -> name(disk) + ":" + user.instanceName())).toList();
        List<String> jobs = d.disks().stream().filter(disk -> disk.blockJob() != null)
                .map(disk -> name(disk) + ":" + disk.blockJob().type()).toList();
        return List.of(snapshots, Text.list(backing), Text.list(shared), Text.list(jobs));
    }

    private static String name(DiskDescriptor disk) {
        return disk.deviceName() == null ? "?" : disk.deviceName();
    }
}
