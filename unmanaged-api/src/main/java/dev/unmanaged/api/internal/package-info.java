/**
 * Helpers of the api's own records, not exported: other modules cannot see them (an architecture rule checks
 * that none depends on this package). Nothing is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.unmanaged.api.internal;

import org.jspecify.annotations.NullMarked;
