package dev.unmanaged.kvm;

import org.libvirt.ConnectAuth;
import org.libvirt.ConnectAuth.CredentialType;


/** Lets libvirt ask the embedder's {@link LibvirtCredentials} instead of a terminal. */
final class LibvirtAuthBridge extends ConnectAuth {
    private final String uri;
    private final LibvirtCredentials credentials;
    private volatile CredentialRequest declined;

    LibvirtAuthBridge(String uri, LibvirtCredentials credentials) {
        this.uri = uri;
        this.credentials = credentials;
        this.credType = new CredentialType[] {
            CredentialType.VIR_CRED_USERNAME, CredentialType.VIR_CRED_AUTHNAME, CredentialType.VIR_CRED_PASSPHRASE,
            CredentialType.VIR_CRED_ECHOPROMPT, CredentialType.VIR_CRED_NOECHOPROMPT, CredentialType.VIR_CRED_REALM,
            CredentialType.VIR_CRED_LANGUAGE, CredentialType.VIR_CRED_CNONCE, CredentialType.VIR_CRED_EXTERNAL,
        };
    }

    /** Returns 0 when every credential was answered, -1 (libvirt's "cancelled") otherwise. */
    @Override
    public int callback(Credential[] requested) {
        for (Credential credential : requested) {
            String result = answer(credential);
            if (result == null) {
                declineAll(requested);
                return -1;
            }
            credential.result = result;
        }
        return 0;
    }

    private String answer(Credential credential) {
        CredentialRequest request = new CredentialRequest(uri, kind(credential.type), credential.prompt,
                credential.challenge, credential.defresult);
        String result;
        try {
            result = credentials.answer(request).orElse(credential.defresult);
        } catch (RuntimeException e) {
            // An embedder's failure must not unwind through libvirt's native frames.
            result = null;
        }
        if (result == null) {
            declined = request;
        }
        return result;
    }

    /** libvirt-java copies every result back to libvirt even after a refusal, so none may stay null. */
    private static void declineAll(Credential[] requested) {
        for (Credential credential : requested) {
            credential.result = "";
        }
    }

    /** The request the callback declined during the last open, null when none was. */
    CredentialRequest declined() {
        return declined;
    }

    static CredentialKind kind(CredentialType type) {
        return switch (type) {
            case VIR_CRED_USERNAME -> CredentialKind.USERNAME;
            case VIR_CRED_AUTHNAME -> CredentialKind.AUTHNAME;
            case VIR_CRED_PASSPHRASE -> CredentialKind.PASSPHRASE;
            case VIR_CRED_ECHOPROMPT -> CredentialKind.ECHO_PROMPT;
            case VIR_CRED_NOECHOPROMPT -> CredentialKind.NO_ECHO_PROMPT;
            case VIR_CRED_REALM -> CredentialKind.REALM;
            case VIR_CRED_LANGUAGE -> CredentialKind.LANGUAGE;
            case VIR_CRED_CNONCE -> CredentialKind.CNONCE;
            case VIR_CRED_EXTERNAL, VIR_CRED_NONE -> CredentialKind.EXTERNAL;
        };
    }
}
