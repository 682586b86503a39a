/**
 * The portable model of Unmanaged: instance descriptors, the orchestrator's inventory records,
 * requests and results, typed errors, and the two service-provider interfaces.
 */
module dev.unmanaged.api {
    // Static: the annotations are not needed at run time. Transitive: a module that reads the api also reads
    // the annotations when it is compiled, so its compiler and nullness checker see @Nullable on the api.
    requires static transitive org.jspecify;

    exports dev.unmanaged.api.instance;
    exports dev.unmanaged.api.inventory;
    exports dev.unmanaged.api.operation;
    exports dev.unmanaged.api.mapping;
    exports dev.unmanaged.api.error;
    exports dev.unmanaged.api.spi;
    exports dev.unmanaged.api.text;
    exports dev.unmanaged.api.net;
}
