package dev.unmanaged.kvm;

import java.util.Objects;

/**
 * One credential a libvirt connection asks for. Holds only what libvirt shows the user, never an answer.
 *
 * @param uri           the libvirt URI being opened
 * @param kind          what is asked for
 * @param prompt        libvirt's prompt text, e.g. {@code "Enter root's password for h1"}; may be empty
 * @param challenge     a challenge to answer, null when there is none
 * @param defaultAnswer what libvirt would use without an answer, null when it has none
 */
public record CredentialRequest(String uri, CredentialKind kind, String prompt, String challenge,
                                String defaultAnswer) {
    public CredentialRequest {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(kind, "kind");
        prompt = Objects.requireNonNullElse(prompt, "");
    }
}
