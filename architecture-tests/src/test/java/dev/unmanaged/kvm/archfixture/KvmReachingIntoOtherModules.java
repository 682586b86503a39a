package dev.unmanaged.kvm.archfixture;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unmanaged.cli.UnmanagedCli;
import dev.unmanaged.inventory.jdbc.JdbcInventoryStore;

/**
 * Breaks the module arrows on purpose: the KVM provider using the JDBC store, Jackson and the command-line tool.
 * Test code only.
 */
public final class KvmReachingIntoOtherModules {
    private KvmReachingIntoOtherModules() {
    }

    public static String uses(JdbcInventoryStore store, UnmanagedCli tool) throws Exception {
        return new ObjectMapper().writeValueAsString(store) + tool;
    }
}
