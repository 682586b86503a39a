package dev.unmanaged.json.archfixture;

import dev.unmanaged.core.UnmanagedInstances;

/** Breaks the module arrows on purpose: the JSON module using the core facade. Test code only. */
public final class JsonReachingIntoCore {
    private JsonReachingIntoCore() {
    }

    public static UnmanagedInstances facade() {
        return UnmanagedInstances.builder().build();
    }
}
