package dev.unmanaged.kvm;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.libvirt.ConnectAuth;
import org.libvirt.ConnectAuth.CredentialType;
import org.libvirt.jna.virConnectCredential;

/**
 * Lets libvirt ask the embedder's {@link LibvirtCredentials} instead of a terminal.
 *
 * <p>libvirt takes ownership of each answer ({@code virConnectCredential.result}) and frees it. libvirt-java's
 * own callback hands libvirt memory that JNA also frees, a double free that aborts the process. So this class
 * answers at the native level: it reads the prompts from libvirt's array and writes each answer into memory
 * from the C allocator, which only libvirt then frees.
 */
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

    /**
     * Answers libvirt's {@code ncred} credentials. Returns 0 when every one was answered, else -1 (libvirt's
     * "cancelled") without writing any answer.
     */
    @Override
    public int authCallback(virConnectCredential cred, int ncred, Pointer cbdata) {
        // JNA would write the Java view of the first entry back after the call, overwriting the answer.
        cred.setAutoWrite(false);
        try {
            CredentialLayout layout = CredentialLayout.of(cred.size());
            Pointer base = cred.getPointer();
            List<byte[]> answers = new ArrayList<>(ncred);
            for (int i = 0; i < ncred; i++) {
                byte[] answer = answer(layout.request(uri, base.share((long) i * cred.size())));
                if (answer == null) {
                    return -1;
                }
                answers.add(answer);
            }
            for (int i = 0; i < ncred; i++) {
                layout.writeResult(base.share((long) i * cred.size()), answers.get(i));
            }
            return 0;
        } catch (RuntimeException e) {
            // Nothing may unwind through libvirt's native frames.
            return -1;
        }
    }

    /** Never called: {@link #authCallback} answers at the native level. */
    @Override
    public int callback(Credential[] requested) {
        return -1;
    }

    private byte[] answer(CredentialRequest request) {
        String result;
        try {
            result = credentials.answer(request).orElse(request.defaultAnswer());
        } catch (RuntimeException e) {
            result = null;
        }
        if (result == null) {
            declined = request;
            return null;
        }
        return result.getBytes(StandardCharsets.UTF_8);
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

    /**
     * Where the fields of libvirt's {@code virConnectCredential} lie: an int, four string pointers and an
     * unsigned int, laid out with the platform's pointer alignment.
     */
    private record CredentialLayout(int prompt, int challenge, int defresult, int result, int resultlen) {
        static CredentialLayout of(int structSize) {
            int word = Native.POINTER_SIZE;
            CredentialLayout layout = new CredentialLayout(word, 2 * word, 3 * word, 4 * word, 5 * word);
            int expectedSize = (5 * word + Integer.BYTES + word - 1) / word * word;
            if (structSize != expectedSize) {
                throw new IllegalStateException("unexpected virConnectCredential size " + structSize);
            }
            return layout;
        }

        CredentialRequest request(String uri, Pointer entry) {
            CredentialType type = CredentialType.mapFromInt(entry.getInt(0));
            return new CredentialRequest(uri, kind(type), string(entry, prompt), string(entry, challenge),
                    string(entry, defresult));
        }

        /** Copies {@code answer} into C-allocated memory that libvirt frees once it has used it. */
        void writeResult(Pointer entry, byte[] answer) {
            long address = Native.malloc(answer.length + 1L);
            if (address == 0) {
                throw new OutOfMemoryError("cannot allocate a credential answer");
            }
            Pointer memory = new Pointer(address);
            memory.write(0, answer, 0, answer.length);
            memory.setByte(answer.length, (byte) 0);
            entry.setPointer(result, memory);
            entry.setInt(resultlen, answer.length);
        }

        private static String string(Pointer entry, int offset) {
            Pointer value = entry.getPointer(offset);
            return value == null ? null : value.getString(0, StandardCharsets.UTF_8.name());
        }
    }
}
