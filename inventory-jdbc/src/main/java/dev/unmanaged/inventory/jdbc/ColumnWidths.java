package dev.unmanaged.inventory.jdbc;

import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.inventory.Catalog;
import dev.unmanaged.api.inventory.ComputeOffering;
import dev.unmanaged.api.inventory.DiskOffering;
import dev.unmanaged.api.inventory.ManagedDisk;
import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.inventory.ManagedNic;
import dev.unmanaged.api.inventory.Network;
import dev.unmanaged.api.inventory.Owner;
import dev.unmanaged.api.inventory.StoragePool;
import dev.unmanaged.api.inventory.Template;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The widths of the text columns a managed instance or a catalog is written to (see the migration scripts).
 * Checked before writing, so that a value too long is refused naming its field, not as the database's
 * truncation error.
 */
final class ColumnWidths {
    private static final int SHOWN = 40;

    private ColumnWidths() {
    }

    /** @throws InvalidRequestException naming the first value of {@code m} that does not fit its column */
    static void check(ManagedInstance m) {
        fits("name", m.name(), 1024);
        fits("displayName", m.displayName(), 1024);
        fits("host.id", m.host().id(), 255);
        fits("host.hypervisor", m.host().hypervisor(), 64);
        fits("host.address", m.host().address(), 1024);
        fits("ownerId", m.ownerId(), 128);
        fits("offeringId", m.offeringId(), 128);
        fits("templateId", m.templateId(), 128);
        fits("cpu.mode", m.cpu().mode(), 64);
        fits("cpu.model", m.cpu().model(), 255);
        List<ManagedDisk> disks = m.disks();
        for (int i = 0; i < disks.size(); i++) {
            ManagedDisk d = disks.get(i);
            fits("disks[" + i + "].deviceName", d.deviceName(), 64);
            fits("disks[" + i + "].source", d.source(), 4096);
            fits("disks[" + i + "].poolId", d.poolId(), 128);
            fits("disks[" + i + "].diskOfferingId", d.diskOfferingId(), 128);
        }
        List<ManagedNic> nics = m.nics();
        for (int i = 0; i < nics.size(); i++) {
            fits("nics[" + i + "].mac", nics.get(i).mac(), 17);
            fits("nics[" + i + "].networkId", nics.get(i).networkId(), 128);
            fits("nics[" + i + "].ipAddress", nics.get(i).ipAddress(), 15);
        }
    }

    /** @throws InvalidRequestException naming the first value of {@code catalog} that does not fit its column */
    static void check(Catalog catalog) {
        entries("owners", catalog.owners(), Owner::id, Owner::name, o -> Set.of());
        entries("offerings", catalog.offerings(), ComputeOffering::id, ComputeOffering::name,
                ComputeOffering::ownerIds);
        entries("networks", catalog.networks(), Network::id, Network::name, Network::ownerIds);
        entries("pools", catalog.pools(), StoragePool::id, StoragePool::name, StoragePool::ownerIds);
        for (int i = 0; i < catalog.pools().size(); i++) {
            StoragePool pool = catalog.pools().get(i);
            fits("pools[" + i + "].path", pool.path(), 4096);
            fits("pools[" + i + "].hostPoolName", pool.hostPoolName(), 255);
        }
        entries("diskOfferings", catalog.diskOfferings(), DiskOffering::id, DiskOffering::name,
                DiskOffering::ownerIds);
        entries("templates", catalog.templates(), Template::id, Template::name, Template::ownerIds);
        for (int i = 0; i < catalog.templates().size(); i++) {
            fits("templates[" + i + "].osType", catalog.templates().get(i).osType(), 255);
        }
    }

    private static <T> void entries(String kind, List<T> entries, Function<T, String> id, Function<T, String> name,
                                    Function<T, Set<String>> ownerIds) {
        for (int i = 0; i < entries.size(); i++) {
            T entry = entries.get(i);
            fits(kind + "[" + i + "].id", id.apply(entry), 128);
            fits(kind + "[" + i + "].name", name.apply(entry), 255);
            for (String owner : ownerIds.apply(entry)) {
                fits(kind + "[" + i + "].ownerIds", owner, 128);
            }
        }
    }

    private static void fits(String field, String value, int width) {
        if (value != null && value.length() > width) {
            String shown = value.substring(0, SHOWN) + "...";
            throw new InvalidRequestException(field, shown, "at most " + width + " characters, not "
                    + value.length());
        }
    }
}
