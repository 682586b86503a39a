package dev.unmanaged.inventory.jdbc.modulepath;

import dev.unmanaged.inventory.jdbc.JdbcInventoryStore;
import dev.unmanaged.json.DemoCatalog;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Uses the store from outside its module: {@link ModulePathTest} runs it with the module on the module path.
 * Argument: a directory for the H2 database. Prints the store's module, then the first free address it reserved.
 */
public final class ModulePathMain {
    private ModulePathMain() {
    }

    public static void main(String[] args) {
        System.out.println(JdbcInventoryStore.class.getModule());
        try (JdbcInventoryStore store = JdbcInventoryStore.openH2(Path.of(args[0]))) {
            store.seedIfEmpty(DemoCatalog.catalog());
            String reserved = store.inUnitOfWork(w -> w.reserveFreeIp("guest", UUID.randomUUID()));
            System.out.println(reserved);
        }
    }
}
