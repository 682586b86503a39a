package dev.unmanaged.kvm;

/** What a libvirt connection asks for while authenticating (libvirt's {@code VIR_CRED_*} types). */
public enum CredentialKind {
    /** A user name to authenticate as. */
    USERNAME,
    /** A user name to authorize as (SASL authorization identity). */
    AUTHNAME,
    /** A secret such as a password or key passphrase. */
    PASSPHRASE,
    /** An answer to a challenge that may be shown while typed. */
    ECHO_PROMPT,
    /** An answer to a challenge that must not be shown while typed, e.g. a one-time code. */
    NO_ECHO_PROMPT,
    /** An authentication realm. */
    REALM,
    /** A language code (RFC 1766). */
    LANGUAGE,
    /** A client nonce. */
    CNONCE,
    /** Credentials obtained outside libvirt (e.g. a Kerberos ticket). */
    EXTERNAL
}
