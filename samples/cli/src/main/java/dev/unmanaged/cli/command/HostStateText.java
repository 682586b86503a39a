package dev.unmanaged.cli.command;

import dev.unmanaged.api.instance.BackingLayer;
import dev.unmanaged.api.instance.DiskDescriptor;
import dev.unmanaged.api.instance.FirmwareState;
import dev.unmanaged.api.instance.HostDeviceDescriptor;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.SnapshotDescriptor;
import dev.unmanaged.api.instance.Snapshots;
import dev.unmanaged.api.instance.TpmDescriptor;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The "Storage and state" section of {@code describe}: what the host keeps about an instance beyond its definition,
 * one line per finding: each disk's host pool, backing chain, other users and block job; the snapshots; the
 * firmware files and TPM; the host devices passed through.
 */
final class HostStateText {
    private HostStateText() {
    }

    static void print(PrintWriter out, InstanceDescriptor d) {
        List<String> lines = new ArrayList<>();
        for (DiskDescriptor disk : d.disks()) {
            String name = disk.deviceName() == null ? "(no device)" : disk.deviceName();
            if (disk.hostPool() != null) {
                lines.add(name + ": in host pool " + disk.hostPool());
            }
            if (!disk.backingChain().isEmpty()) {
                lines.add(name + ": backing files " + disk.backingChain().stream().map(HostStateText::layer)
                        .collect(Collectors.joining(" <- ")));
            }
            disk.sharedWith().forEach(user -> lines.add(name + ": also used by " + user.instanceName()
                    + (user.shareable() ? " (shareable)" : " (not shareable)")));
            if (disk.blockJob() != null) {
                lines.add(name + ": " + disk.blockJob().type() + " block job running (" + disk.blockJob().cursor()
                        + " of " + disk.blockJob().end() + " bytes)");
            }
        }
        lines.add("snapshots: " + snapshots(d.snapshots()));
        FirmwareState firmware = d.firmwareState();
        if (firmware.loader() != null) {
            lines.add("firmware loader: " + firmware.loader());
        }
        if (firmware.nvram() != null) {
            lines.add("UEFI variable store: " + firmware.nvram()
                    + (firmware.nvramTemplate() == null ? "" : " (from " + firmware.nvramTemplate() + ")"));
        }
        if (firmware.tpm() != null) {
            lines.add("TPM: " + tpm(firmware.tpm()));
        }
        for (HostDeviceDescriptor device : d.hostDevices()) {
            lines.add("host device: " + device.type() + " " + (device.address().isEmpty() ? "(no address)"
                    : device.address()) + (device.managed() ? " (managed)" : ""));
        }
        out.println();
        out.println("Storage and state:");
        lines.forEach(line -> out.println("  " + line));
    }

    private static String layer(BackingLayer layer) {
        List<String> about = new ArrayList<>();
        if (layer.format() != null) {
            about.add(layer.format());
        }
        if (layer.hostPool() != null) {
            about.add("pool " + layer.hostPool());
        }
        return (layer.source() == null ? "(unnamed)" : layer.source())
                + (about.isEmpty() ? "" : " (" + String.join(", ", about) + ")");
    }

    private static String snapshots(Snapshots snapshots) {
        if (snapshots == null) {
            return "not read";
        }
        if (snapshots.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        for (SnapshotDescriptor snapshot : snapshots.snapshots()) {
            parts.add(snapshot.name() + " (" + snapshot.kind().name().toLowerCase(Locale.ROOT)
                    + (snapshot.current() ? ", current" : "") + ")");
        }
        snapshots.checkpoints().forEach(checkpoint -> parts.add(checkpoint + " (checkpoint)"));
        return String.join(", ", parts);
    }

    private static String tpm(TpmDescriptor tpm) {
        return tpm.backend() + (tpm.model() == null ? "" : " " + tpm.model())
                + (tpm.version() == null ? "" : " " + tpm.version())
                + (tpm.statePath() == null ? "" : " at " + tpm.statePath());
    }
}
