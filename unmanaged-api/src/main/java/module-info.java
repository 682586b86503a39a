/**
 * The portable model of Unmanaged: instance descriptors, the orchestrator's inventory records,
 * requests and results, typed errors, and the two service-provider interfaces.
 */
module dev.unmanaged.api {
    exports dev.unmanaged.api.instance;
    exports dev.unmanaged.api.inventory;
    exports dev.unmanaged.api.operation;
    exports dev.unmanaged.api.error;
    exports dev.unmanaged.api.spi;
    exports dev.unmanaged.api.text;
    exports dev.unmanaged.api.net;
}
