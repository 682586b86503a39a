/**
 * The orchestrator's inventory as the library sees it: the records of managed instances and the catalog
 * entries (owners, offerings, networks, storage pools, templates) an import maps an instance onto.
 * Nothing is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.unmanaged.api.inventory;

import org.jspecify.annotations.NullMarked;
