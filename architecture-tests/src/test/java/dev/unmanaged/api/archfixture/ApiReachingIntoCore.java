package dev.unmanaged.api.archfixture;

import dev.unmanaged.core.UnmanagedInstances;

/**
 * Breaks the module arrows on purpose: a class in the api's package tree that uses the core facade. It lives in
 * test code only, so the rules over the shipped classes never see it; {@code ModuleRulesBiteTest} feeds it to the
 * rules to prove they report such an import.
 */
public final class ApiReachingIntoCore {
    private ApiReachingIntoCore() {
    }

    public static UnmanagedInstances facade() {
        return UnmanagedInstances.builder().build();
    }
}
