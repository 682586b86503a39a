/**
 * The workflows of Unmanaged: list unmanaged instances over many hosts at once, plan and import them,
 * unmanage managed ones, and do either in bulk. Start with {@link dev.unmanaged.core.UnmanagedInstances}.
 */
module dev.unmanaged.core {
    requires transitive dev.unmanaged.api;
    requires org.slf4j;

    exports dev.unmanaged.core;

    uses dev.unmanaged.api.spi.HypervisorInstanceProvider;
    uses dev.unmanaged.api.spi.HypervisorProviderFactory;
    uses dev.unmanaged.api.spi.ImportRule;
}
