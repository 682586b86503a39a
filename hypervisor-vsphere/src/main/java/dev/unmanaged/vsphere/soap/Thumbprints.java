package dev.unmanaged.vsphere.soap;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** SHA-256 thumbprints of certificates as vSphere shows them: upper-case hex pairs separated by colons. */
public final class Thumbprints {
    private static final Pattern SHA256 = Pattern.compile("[0-9A-F]{2}(:[0-9A-F]{2}){31}");

    private Thumbprints() {
    }

    /** The thumbprint of {@code certificate}. */
    public static String of(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot take the SHA-256 thumbprint of a certificate", e);
        }
    }

    /** {@code text} in upper case when it is a SHA-256 thumbprint (any letter case), else null. */
    public static String normalized(String text) {
        String upper = text.strip().toUpperCase(Locale.ROOT);
        return SHA256.matcher(upper).matches() ? upper : null;
    }
}
