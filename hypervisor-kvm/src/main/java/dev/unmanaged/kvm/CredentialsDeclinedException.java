package dev.unmanaged.kvm;

/** libvirt asked for a credential that the embedder's {@link LibvirtCredentials} did not give. */
final class CredentialsDeclinedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final CredentialKind kind;
    private final String prompt;

    CredentialsDeclinedException(CredentialKind kind, String prompt) {
        super("libvirt asked for " + kind + " ('" + prompt + "') and the credentials callback gave none", null,
                false, false);
        this.kind = kind;
        this.prompt = prompt;
    }

    CredentialKind kind() {
        return kind;
    }

    String prompt() {
        return prompt;
    }
}
