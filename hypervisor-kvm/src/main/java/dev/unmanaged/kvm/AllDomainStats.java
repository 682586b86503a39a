package dev.unmanaged.kvm;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import dev.unmanaged.api.text.SecretRedaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.libvirt.Connect;
import org.libvirt.DomainInfo.DomainState;
import org.libvirt.jna.Libvirt;
import org.libvirt.jna.virError;
import org.libvirt.jna.virTypedParameter;

/**
 * The state, disk sizes and backing chains of every domain of a host in one round trip: libvirt's
 * {@code virConnectGetAllDomainStats} with {@code VIR_DOMAIN_STATS_STATE | VIR_DOMAIN_STATS_BLOCK} and
 * {@code VIR_CONNECT_GET_ALL_DOMAINS_STATS_BACKING}, which
 * libvirt-java 0.5.4 does not expose and which is therefore bound here through JNA. libvirt allocates the
 * records; they are read into Java values and freed with {@code virDomainStatsRecordListFree} before this class
 * returns, as libvirt's documentation of the call asks.
 *
 * <p>Per disk the call reports capacity and allocation where the driver can measure the disk: QEMU reports them
 * for local files and block devices of running and shut-off domains, and nothing for network disks or empty
 * drives; libvirt's test driver reports the state only. What is missing is read per domain by the caller.
 *
 * <p>With the backing flag QEMU reports, for a running domain, one entry per layer of each disk's backing chain
 * under the disk's name, the image itself first; for a shut-off domain only the image itself (libvirt does not
 * open the chain of an inactive domain). A driver that refuses the flag is asked again without it.
 */
final class AllDomainStats {
    private static final int STATS_STATE = 1;
    private static final int STATS_BLOCK = 1 << 5;
    private static final int STATS_BACKING = 1 << 30;
    private static final int TYPED_PARAM_INT = 1;
    private static final int TYPED_PARAM_ULLONG = 4;
    private static final int TYPED_PARAM_STRING = 7;
    private static final int UUID_STRING_BUFLEN = 37;
    private static final int FIELD_LENGTH = 80;
    private static final String BLOCK = "block.";
    private static final List<String> SIZE_KEYS = List.of("capacity", "allocation", "physical");

    private AllDomainStats() {
    }

    /**
     * One disk as the call reports it: target name, source path, sizes where measured (else null), and the paths of
     * its backing layers, nearest first (empty when the call reported none).
     * libvirt's fields mean different things for running and shut-off domains: for a shut-off one
     * {@code allocation} is what the image takes on the host; for a running one {@code allocation} is the highest
     * offset the guest wrote, and what the image takes on the host is {@code physical} (QEMU's actual size, what
     * libvirt's block info also reports as the allocation).
     */
    record BlockSizes(String name, String path, Long capacity, Long allocation, Long physical, List<String> backing) {
        BlockSizes {
            backing = List.copyOf(backing);
        }

        /** What the image takes on the host, null when libvirt did not measure it. */
        Long hostAllocation(boolean active) {
            return active ? physical : allocation;
        }
    }

    /** One domain's record: its state (null when libvirt reports none this class knows) and its disks. */
    record DomainStats(DomainState state, List<BlockSizes> blocks) {
    }

    /** What libvirt's call returned, by domain UUID; or why it returned nothing. */
    record Outcome(Map<UUID, DomainStats> byUuid, Optional<String> unavailable) {
        static Outcome failed(String why) {
            return new Outcome(Map.of(), Optional.of(why));
        }
    }

    /** The state and block sizes of every domain of {@code connect}'s host. Never throws for libvirt's errors. */
    static Outcome read(Connect connect) {
        if (!(connect instanceof NativeConnect nativeConnect)) {
            return Outcome.failed("the connection was not opened by the provider");
        }
        PointerByReference records = new PointerByReference();
        int count;
        try {
            count = Binding.LIBVIRT.virConnectGetAllDomainStats(nativeConnect.handle(), STATS_STATE | STATS_BLOCK,
                    records, STATS_BACKING);
            if (count < 0) {
                // A driver that does not know the backing flag (libvirt's test driver) refuses the whole call.
                count = Binding.LIBVIRT.virConnectGetAllDomainStats(nativeConnect.handle(),
                        STATS_STATE | STATS_BLOCK, records, 0);
            }
        } catch (UnsatisfiedLinkError olderLibvirt) {
            return Outcome.failed("the libvirt client library has no virConnectGetAllDomainStats (before 1.2.8)");
        }
        if (count < 0) {
            return Outcome.failed(lastError());
        }
        Pointer list = records.getValue();
        try {
            Map<UUID, DomainStats> byUuid = new HashMap<>(count * 2);
            for (int i = 0; i < count; i++) {
                Pointer record = list.getPointer((long) i * Native.POINTER_SIZE);
                UUID uuid = uuidOf(record.getPointer(0));
                if (uuid != null) {
                    byUuid.put(uuid, statsOf(record));
                }
            }
            return new Outcome(byUuid, Optional.empty());
        } finally {
            if (list != null) {
                Binding.LIBVIRT.virDomainStatsRecordListFree(list);
            }
        }
    }

    /** The record's domain UUID (read from the handle, no round trip); null when libvirt gives none. */
    private static UUID uuidOf(Pointer domain) {
        byte[] text = new byte[UUID_STRING_BUFLEN];
        if (Binding.LIBVIRT.virDomainGetUUIDString(domain, text) < 0) {
            return null;
        }
        return UUID.fromString(Native.toString(text, "US-ASCII"));
    }

    /** Reads a record: {@code virDomainPtr dom; virTypedParameterPtr params; int nparams}. */
    private static DomainStats statsOf(Pointer record) {
        Pointer params = record.getPointer(Native.POINTER_SIZE);
        int count = record.getInt(2L * Native.POINTER_SIZE);
        DomainState state = null;
        Map<Integer, String[]> names = new HashMap<>();
        Map<Integer, Long[]> sizes = new HashMap<>();
        for (int i = 0; i < count; i++) {
            Pointer param = params.share((long) i * Layout.SIZE);
            String field = param.getString(0, "US-ASCII");
            int type = param.getInt(FIELD_LENGTH);
            if (field.equals("state.state") && type == TYPED_PARAM_INT) {
                state = stateOf(param.getInt(Layout.VALUE));
            } else if (field.startsWith(BLOCK)) {
                readBlockField(field, type, param, names, sizes);
            }
        }
        return new DomainStats(state, blocksOf(names, sizes));
    }

    /**
     * One entry per disk: the first entry of each name is the image itself, the later ones of that name its
     * backing layers in order.
     */
    static List<BlockSizes> blocksOf(Map<Integer, String[]> names, Map<Integer, Long[]> sizes) {
        Map<String, Integer> firstByName = new LinkedHashMap<>();
        Map<String, List<String>> backing = new HashMap<>();
        new TreeMap<>(names).forEach((index, namePath) -> {
            String name = namePath[0];
            if (firstByName.putIfAbsent(name, index) != null && namePath[1] != null) {
                backing.computeIfAbsent(name, k -> new ArrayList<>()).add(namePath[1]);
            }
        });
        List<BlockSizes> blocks = new ArrayList<>(firstByName.size());
        firstByName.forEach((name, index) -> {
            Long[] size = sizes.getOrDefault(index, new Long[SIZE_KEYS.size()]);
            blocks.add(new BlockSizes(name, names.get(index)[1], size[0], size[1], size[2],
                    backing.getOrDefault(name, List.of())));
        });
        return List.copyOf(blocks);
    }

    /** {@code block.<n>.name}, {@code .path} (strings) and the {@link #SIZE_KEYS} (unsigned long long). */
    private static void readBlockField(String field, int type, Pointer param, Map<Integer, String[]> names,
                                       Map<Integer, Long[]> sizes) {
        int dot = field.indexOf('.', BLOCK.length());
        if (dot < 0) {
            return;
        }
        int index;
        try {
            index = Integer.parseInt(field, BLOCK.length(), dot, 10);
        } catch (NumberFormatException notADisk) {
            return;
        }
        String key = field.substring(dot + 1);
        if (type == TYPED_PARAM_STRING && (key.equals("name") || key.equals("path"))) {
            String[] namePath = names.computeIfAbsent(index, k -> new String[2]);
            namePath[key.equals("name") ? 0 : 1] = param.getPointer(Layout.VALUE).getString(0, "UTF-8");
        } else if (type == TYPED_PARAM_ULLONG && SIZE_KEYS.contains(key)) {
            names.computeIfAbsent(index, k -> new String[2]);
            sizes.computeIfAbsent(index, k -> new Long[SIZE_KEYS.size()])[SIZE_KEYS.indexOf(key)] =
                    param.getLong(Layout.VALUE);
        }
    }

    private static DomainState stateOf(int value) {
        DomainState[] states = DomainState.values();
        return value >= 0 && value < states.length ? states[value] : null;
    }

    private static String lastError() {
        virError error = Libvirt.INSTANCE.virGetLastError();
        if (error == null || error.message == null) {
            return "virConnectGetAllDomainStats failed without a message";
        }
        return SecretRedaction.redact(error.message);
    }

    /**
     * {@code virTypedParameter}: {@code char field[80]; int type;} and an 8-byte union, laid out as libvirt-java's
     * own structure of it is (the union at the end, aligned as the platform aligns {@code long long}).
     */
    private static final class Layout {
        static final int SIZE = new virTypedParameter().size();
        static final int VALUE = SIZE - Long.BYTES;
    }

    /** The functions libvirt-java does not bind, loaded on first use from the same {@code libvirt.so.0}. */
    private interface Binding extends Library {
        Binding LIBVIRT = Native.load("virt", Binding.class);

        int virConnectGetAllDomainStats(Pointer connect, int stats, PointerByReference records, int flags);

        void virDomainStatsRecordListFree(Pointer records);

        int virDomainGetUUIDString(Pointer domain, byte[] text);
    }
}
