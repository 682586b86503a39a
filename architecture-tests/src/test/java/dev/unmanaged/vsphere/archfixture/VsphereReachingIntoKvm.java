package dev.unmanaged.vsphere.archfixture;

import dev.unmanaged.kvm.KvmInstanceProvider;

/** Breaks the module arrows on purpose: the vSphere provider using the KVM provider. Test code only. */
public final class VsphereReachingIntoKvm {
    private VsphereReachingIntoKvm() {
    }

    public static String uses(KvmInstanceProvider kvm) {
        return kvm.hypervisor();
    }
}
