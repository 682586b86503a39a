package dev.unmanaged.inventory.jdbc;

import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.inventory.ManagedDisk;
import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.inventory.ManagedNic;
import java.util.List;

/**
 * The widths of the text columns a managed instance is written to (see the migration scripts). Checked before
 * writing, so that a value too long is refused naming its field, not as the database's truncation error.
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
        List<ManagedDisk> disks = m.disks();
        for (int i = 0; i < disks.size(); i++) {
            ManagedDisk d = disks.get(i);
            fits("disks[" + i + "].targetDev", d.targetDev(), 64);
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

    private static void fits(String field, String value, int width) {
        if (value != null && value.length() > width) {
            String shown = value.substring(0, SHOWN) + "...";
            throw new InvalidRequestException(field, shown, "at most " + width + " characters, not "
                    + value.length());
        }
    }
}
