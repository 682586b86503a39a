package dev.unmanaged.cli.session;

import dev.unmanaged.api.error.AccessDeniedException;
import dev.unmanaged.api.text.SafeText;
import dev.unmanaged.vsphere.VsphereCredentials;

/**
 * The tool's vSphere credentials: the password in the environment variable {@value #VARIABLE}, read when the
 * provider logs in (never from the command line, where other users could see it in the process list).
 */
final class VspherePassword {
    /** The environment variable that holds the vSphere password. */
    static final String VARIABLE = "UNMANAGED_VSPHERE_PASSWORD";

    private VspherePassword() {
    }

    /** Credentials that answer with {@value #VARIABLE}, and say to set it when it is unset or empty. */
    static VsphereCredentials fromEnvironment() {
        return (server, user) -> {
            String password = System.getenv(VARIABLE);
            if (password == null || password.isEmpty()) {
                throw new AccessDeniedException("no password for user " + SafeText.of(user) + " at "
                        + SafeText.of(server) + ": set " + VARIABLE + " to it", null);
            }
            return password.toCharArray();
        };
    }
}
