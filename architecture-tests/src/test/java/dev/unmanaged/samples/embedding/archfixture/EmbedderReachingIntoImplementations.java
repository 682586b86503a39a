package dev.unmanaged.samples.embedding.archfixture;

import com.zaxxer.hikari.HikariDataSource;
import dev.unmanaged.api.internal.Copies;
import dev.unmanaged.vsphere.vim.ManagedObjectReference;
import java.util.List;
import org.libvirt.Connect;
import picocli.CommandLine;

/**
 * Breaks the module arrows on purpose: an embedding program that reaches past the libraries' APIs into libvirt,
 * HikariCP, picocli, the vSphere provider's vim25 binding and the api's unexported helpers. Test code only.
 */
public final class EmbedderReachingIntoImplementations {
    private EmbedderReachingIntoImplementations() {
    }

    public static List<Object> uses(Connect connect, HikariDataSource pool, CommandLine commandLine,
                                    ManagedObjectReference vm) {
        return Copies.list(List.of(connect, pool, commandLine, vm));
    }
}
