/**
 * Hardened StAX reading: {@link dev.unmanaged.xml.HardenedXml#newInputFactory()},
 * {@link dev.unmanaged.xml.LimitedInputStream} and {@link dev.unmanaged.xml.GuardedStreamReader}, whose refusals
 * are {@link dev.unmanaged.xml.LimitedInputStream.LimitExceeded} and {@link dev.unmanaged.xml.GuardViolation}.
 * Nothing is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.unmanaged.xml;

import org.jspecify.annotations.NullMarked;
