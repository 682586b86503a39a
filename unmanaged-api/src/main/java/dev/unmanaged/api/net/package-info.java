/**
 * The syntax of network addresses, shared by every module so that a provider, the core and a store agree on what
 * an address is: {@link dev.unmanaged.api.net.Ipv4Addresses} (dotted quads and their numbers) and
 * {@link dev.unmanaged.api.net.MacAddresses} (MAC syntax and its one stored form). None keeps a copy. Nothing is
 * null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.unmanaged.api.net;

import org.jspecify.annotations.NullMarked;
