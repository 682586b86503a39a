/**
 * The service-provider interfaces an embedder or a hypervisor plugs in: a provider per hypervisor kind, the
 * inventory store, and the read-only catalog; optionally a {@link dev.unmanaged.api.spi.HypervisorProviderFactory}
 * per kind that builds its provider from {@link dev.unmanaged.api.spi.ProviderSettings}.
 * Nothing is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.unmanaged.api.spi;

import org.jspecify.annotations.NullMarked;
