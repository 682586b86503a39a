/**
 * Typed errors: every failure the library reports is an {@link dev.unmanaged.api.error.UnmanagedException} with
 * a stable {@link dev.unmanaged.api.error.ErrorCode}, naming the field, the value and what was expected.
 * Nothing is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.unmanaged.api.error;

import org.jspecify.annotations.NullMarked;
