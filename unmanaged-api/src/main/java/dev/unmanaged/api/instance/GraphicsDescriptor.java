package dev.unmanaged.api.instance;

import org.jspecify.annotations.Nullable;

/**
 * A graphical console. A password is never held: only whether one is set.
 *
 * @param type        vnc, spice, rdp, sdl, …
 * @param port        the port, null when automatic or not set
 * @param listen      the listen address, null when not set
 * @param passwordSet true when the console is protected by a password
 */
public record GraphicsDescriptor(String type, @Nullable Integer port, @Nullable String listen, boolean passwordSet) {
}
