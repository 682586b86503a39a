package dev.unmanaged.api.instance;

/** Where a snapshot keeps its data. */
public enum SnapshotKind {
    /** Inside the disk images themselves (qcow2 internal snapshots): nothing else on the host holds it. */
    INTERNAL,
    /** In overlay files: the disks now write to new files and the old images became their backing files. */
    EXTERNAL
}
