package dev.unmanaged.kvm;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers the credentials a libvirt connection asks for (SASL user and password, SSH key passphrases relayed
 * by libvirt, ...). Supplied by the embedder; the provider never reads a terminal. Called on the thread that
 * opens the connection; must not block for long, since the connection's timeout keeps running.
 *
 * <p>Answers are handed to libvirt and not kept by the provider; they never appear in messages or logs.
 */
@FunctionalInterface
public interface LibvirtCredentials {
    /**
     * The answer to {@code request}, or empty to decline it (the connection then fails with an
     * {@link dev.unmanaged.api.error.AccessDeniedException} unless libvirt can do without).
     */
    Optional<String> answer(CredentialRequest request);

    /** Declines every request: for local sockets, SSH keys without passphrase, TLS certificates. */
    static LibvirtCredentials none() {
        return request -> Optional.empty();
    }

    /**
     * Answers user-name requests with {@code user} and secret requests (passphrase, hidden prompts) with
     * {@code password}. The password array is copied; clear yours when you like.
     */
    static LibvirtCredentials userAndPassword(String user, char[] password) {
        Objects.requireNonNull(user, "user");
        char[] secret = Arrays.copyOf(Objects.requireNonNull(password, "password"), password.length);
        return request -> switch (request.kind()) {
            case USERNAME, AUTHNAME -> Optional.of(user);
            case PASSPHRASE, NO_ECHO_PROMPT -> Optional.of(new String(secret));
            default -> Optional.empty();
        };
    }
}
