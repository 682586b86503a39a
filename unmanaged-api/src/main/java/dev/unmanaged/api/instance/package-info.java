/**
 * What a hypervisor host holds, in hypervisor-neutral terms: the descriptor of an instance with its CPUs,
 * memory, disks, NICs and consoles, the host it runs on, and the warnings a provider attaches to what it could not
 * model. KVM examples in the Javadoc show how KVM's terms map onto these names.
 * Nothing is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.unmanaged.api.instance;

import org.jspecify.annotations.NullMarked;
