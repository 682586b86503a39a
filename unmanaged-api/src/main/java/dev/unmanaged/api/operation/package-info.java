/**
 * Requests and results of the library's operations: listing unmanaged instances, planning and running
 * imports, unmanaging, and the outcomes of bulk runs.
 * Nothing is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.unmanaged.api.operation;

import org.jspecify.annotations.NullMarked;
