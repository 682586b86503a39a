package dev.unmanaged.console.archfixture;

import dev.unmanaged.kvm.KvmInstanceProvider;

/** Breaks the module arrows on purpose: the console building a provider of its own. Test code only. */
public final class ConsoleReachingIntoKvm {
    private ConsoleReachingIntoKvm() {
    }

    public static KvmInstanceProvider provider() {
        return new KvmInstanceProvider();
    }
}
