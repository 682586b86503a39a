// flyway-core is an automatic module (see below): known, not a defect to warn about on every build.
/**
 * The inventory store over JDBC: {@link dev.unmanaged.inventory.jdbc.JdbcInventoryStore} on an embedded H2
 * file database or on PostgreSQL, with its schema migrated on open. A catalog to seed it with can be read from
 * the JSON catalog format by {@code dev.unmanaged.json.CatalogLoader} (module {@code dev.unmanaged.json}).
 */
@SuppressWarnings("requires-automatic")
module dev.unmanaged.inventory.jdbc {
    requires transitive dev.unmanaged.api;
    requires transitive java.sql;
    requires com.zaxxer.hikari;
    // flyway-core ships neither module-info nor Automatic-Module-Name: its name comes from the jar's file name.
    requires flyway.core;
    requires org.slf4j;
    // The embedded default: its engine is reached to write commits out in groups (see H2GroupCommit); a store on
    // PostgreSQL alone runs without H2.
    requires static com.h2database;

    exports dev.unmanaged.inventory.jdbc;
}
