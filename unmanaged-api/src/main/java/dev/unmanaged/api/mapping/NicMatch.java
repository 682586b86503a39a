package dev.unmanaged.api.mapping;

import dev.unmanaged.api.error.InvalidRequestException;
import java.util.Objects;

/**
 * Where a NIC is attached on its host, as a {@link NetworkRule} matches it: by the NIC's
 * {@link dev.unmanaged.api.instance.NicDescriptor#source() source} (compared exactly, letter case counts) or by
 * its VLAN tags. Build one with the factories.
 *
 * @param kind  what is compared
 * @param value the bridge, network, device or port group name, or the VLAN tag in decimal
 */
public record NicMatch(Kind kind, String value) {
    /** What a {@link NicMatch} compares; {@link #key()} is its key in a map file. */
    public enum Kind {
        /** A NIC of type {@code bridge} on this host bridge, e.g. {@code br0}. */
        BRIDGE("bridge"),
        /** A NIC of type {@code network} on this libvirt network, e.g. {@code default}. */
        NETWORK("network"),
        /** A NIC of type {@code direct} (macvtap) on this host device, e.g. {@code eth0}. */
        DEVICE("device"),
        /** A NIC, of any type, carrying this VLAN tag (0 to 4095). */
        VLAN("vlan"),
        /**
         * A vSphere NIC on this port group, e.g. {@code DC0_DVPG0}: a NIC whose source is the port group and whose
         * type is not one of the libvirt kinds ({@code bridge}, {@code network}, {@code direct}).
         */
        PORT_GROUP("portGroup");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        /** The key of this kind in a map file's {@code match}. */
        public String key() {
            return key;
        }
    }

    public NicMatch {
        Objects.requireNonNull(kind, "kind");
        MapValues.requireText(kind.key(), value);
        if (kind == Kind.VLAN && !isTag(value)) {
            throw new InvalidRequestException("vlan", value, "a tag from 0 to 4095");
        }
    }

    /** A NIC on host bridge {@code name}. */
    public static NicMatch bridge(String name) {
        return new NicMatch(Kind.BRIDGE, name);
    }

    /** A NIC on libvirt network {@code name}. */
    public static NicMatch network(String name) {
        return new NicMatch(Kind.NETWORK, name);
    }

    /** A macvtap NIC on host device {@code name}. */
    public static NicMatch device(String name) {
        return new NicMatch(Kind.DEVICE, name);
    }

    /** A NIC carrying VLAN {@code tag}. */
    public static NicMatch vlan(int tag) {
        return new NicMatch(Kind.VLAN, Integer.toString(tag));
    }

    /** A vSphere NIC on port group {@code name}. */
    public static NicMatch portGroup(String name) {
        return new NicMatch(Kind.PORT_GROUP, name);
    }

    /** The match as a map file writes it, e.g. {@code bridge br0}. */
    public String describe() {
        return kind.key() + " " + value;
    }

    private static boolean isTag(String text) {
        if (text.isEmpty() || text.length() > 4 || !text.chars().allMatch(Character::isDigit)) {
            return false;
        }
        return Integer.parseInt(text) <= 4095;
    }
}
