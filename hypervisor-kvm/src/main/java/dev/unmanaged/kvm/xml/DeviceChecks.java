package dev.unmanaged.kvm.xml;

import dev.unmanaged.api.instance.DescriptorWarning;
import dev.unmanaged.api.instance.DiskDescriptor;
import dev.unmanaged.api.instance.NicDescriptor;
import dev.unmanaged.api.instance.WarningCodes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Conflicts libvirt refuses to define but a descriptor can still show faithfully: two disks on one target,
 * two NICs with one MAC (compared without regard to letter case). Both devices are kept; a blocking warning
 * names the shared value and the positions, so an import is refused while a listing still shows the VM.
 */
final class DeviceChecks {
    private DeviceChecks() {
    }

    static void check(List<DiskDescriptor> disks, List<NicDescriptor> nics, List<DescriptorWarning> warnings) {
        duplicates(disks.stream().map(DiskDescriptor::deviceName).toList()).forEach((target, positions) ->
                warnings.add(DescriptorWarning.blocking(WarningCodes.DUPLICATE_DISK_TARGET,
                        "disks " + positions + " share the target device " + target)));
        duplicates(nics.stream().map(NicDescriptor::mac).toList()).forEach((mac, positions) ->
                warnings.add(DescriptorWarning.blocking(WarningCodes.DUPLICATE_MAC,
                        "network interfaces " + positions + " share the MAC address " + mac)));
    }

    /** Values that occur more than once, with their 1-based positions; nulls are ignored. */
    private static Map<String, List<Integer>> duplicates(List<String> values) {
        Map<String, List<Integer>> positions = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) != null) {
                positions.computeIfAbsent(values.get(i), v -> new ArrayList<>()).add(i + 1);
            }
        }
        positions.values().removeIf(found -> found.size() < 2);
        return positions;
    }
}
