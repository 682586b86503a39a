package dev.unmanaged.kvm;

import dev.unmanaged.api.error.UnmanagedException;
import dev.unmanaged.api.instance.Host;

/**
 * Run in a JVM where JNA cannot find libvirt's native library: lists a host twice and prints, per attempt, the
 * error's class, code and message on one line.
 */
public final class MissingNativeLibraryProbe {
    private MissingNativeLibraryProbe() {
    }

    public static void main(String[] args) {
        try (KvmInstanceProvider provider = new KvmInstanceProvider(TestDriverHosts.OPTIONS)) {
            for (int attempt = 1; attempt <= 2; attempt++) {
                try {
                    provider.listInstances(Host.kvm("test:///default"));
                    System.out.println("attempt " + attempt + ": listed");
                } catch (UnmanagedException e) {
                    System.out.println("attempt " + attempt + ": " + e.getClass().getSimpleName() + " " + e.code()
                            + " " + e.getMessage());
                } catch (Throwable e) {
                    System.out.println("attempt " + attempt + ": untyped " + e);
                }
            }
        }
    }
}
