package dev.unmanaged.tck.archfixture;

import dev.unmanaged.kvm.KvmInstanceProvider;

/** Breaks the module arrows on purpose: the conformance kits using the KVM provider. Test code only. */
public final class KitReachingIntoKvm {
    private KitReachingIntoKvm() {
    }

    public static String name(KvmInstanceProvider provider) {
        return provider.toString();
    }
}
