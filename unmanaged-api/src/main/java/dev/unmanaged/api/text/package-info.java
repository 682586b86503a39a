/**
 * Text from hosts, files and other software made fit for people and logs, and sizes as people write them:
 * {@link dev.unmanaged.api.text.SafeText} escapes what could forge a line or reorder a terminal's text,
 * {@link dev.unmanaged.api.text.SecretRedaction} removes secrets that someone else's error message may quote,
 * {@link dev.unmanaged.api.text.UserInfo} says whether an address carries a password in its user part, and
 * {@link dev.unmanaged.api.text.ByteSizes} holds the one grammar of byte sizes. Every module uses these; none keeps a
 * copy.
 * Nothing is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.unmanaged.api.text;

import org.jspecify.annotations.NullMarked;
