// flyway-core is an automatic module (see below): known, not a defect to warn about on every build.
/**
 * The inventory store over JDBC: {@link dev.unmanaged.inventory.jdbc.JdbcInventoryStore} on an embedded H2
 * file database or on PostgreSQL, with its schema migrated on open, and the catalog seeding helpers
 * {@link dev.unmanaged.inventory.jdbc.CatalogLoader} and {@link dev.unmanaged.inventory.jdbc.DemoCatalog}.
 */
@SuppressWarnings("requires-automatic")
module dev.unmanaged.inventory.jdbc {
    requires transitive dev.unmanaged.api;
    requires transitive java.sql;
    requires com.zaxxer.hikari;
    // flyway-core ships neither module-info nor Automatic-Module-Name: its name comes from the jar's file name.
    requires flyway.core;
    requires org.slf4j;
    requires com.fasterxml.jackson.databind;

    exports dev.unmanaged.inventory.jdbc;
}
