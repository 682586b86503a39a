/**
 * The workflows an orchestrator embeds: {@link dev.unmanaged.core.UnmanagedInstances} lists unmanaged instances
 * over many hosts, plans and imports them, unmanages managed ones and does either in bulk;
 * {@link dev.unmanaged.core.ProviderRegistry} finds the hypervisor providers. Everything else in this package
 * is an implementation detail.
 */
package dev.unmanaged.core;
