package dev.unmanaged.inventory.jdbc.archfixture;

import dev.unmanaged.core.UnmanagedInstances;

/** Breaks the module arrows on purpose: the JDBC store using the core facade. Test code only. */
public final class StoreReachingIntoCore {
    private StoreReachingIntoCore() {
    }

    public static UnmanagedInstances facade() {
        return UnmanagedInstances.builder().build();
    }
}
