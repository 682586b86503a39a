/**
 * Maps and policies that adopt a fleet rather than one VM: ordered rules that map every NIC and disk of many
 * instances onto catalog networks and pools by where they sit on their host, and the policy that picks each
 * instance's compute offering. Explicit per-VM mappings of a request still win over a map.
 * Nothing is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.unmanaged.api.mapping;

import org.jspecify.annotations.NullMarked;
