package dev.unmanaged.api.mapping;

import java.util.Objects;

/**
 * Where a disk is stored on its host, as a {@link StorageRule} matches it. Build one with the factories.
 *
 * @param kind  what is compared
 * @param value the host pool's name, or the start of the disk's source
 */
public record DiskMatch(Kind kind, String value) {
    /** What a {@link DiskMatch} compares; {@link #key()} is its key in a map file. */
    public enum Kind {
        /**
         * A disk in this host pool: a libvirt storage pool (a {@code volume} or {@code network} disk whose source is
         * {@code pool/volume}) or a vSphere datastore (a source written {@code [datastore] path}).
         */
        HOST_POOL("hostPool"),
        /** A disk whose source begins with this text, e.g. {@code /mnt/primary/}; compared as written. */
        PATH_PREFIX("pathPrefix");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        /** The key of this kind in a map file's {@code match}. */
        public String key() {
            return key;
        }
    }

    public DiskMatch {
        Objects.requireNonNull(kind, "kind");
        MapValues.requireText(kind.key(), value);
    }

    /** A disk in host pool (or datastore) {@code name}. */
    public static DiskMatch hostPool(String name) {
        return new DiskMatch(Kind.HOST_POOL, name);
    }

    /** A disk whose source begins with {@code prefix}. */
    public static DiskMatch pathPrefix(String prefix) {
        return new DiskMatch(Kind.PATH_PREFIX, prefix);
    }

    /** The match as a map file writes it, e.g. {@code hostPool default}. */
    public String describe() {
        return kind.key() + " " + value;
    }
}
