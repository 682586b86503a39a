package dev.unmanaged.vsphere.soap;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Which server certificates an endpoint accepts: the JDK's trust store (the default), exactly one certificate
 * pinned by its SHA-256 thumbprint (then the host name is not checked: the pin is stronger), or any certificate
 * ({@code insecure}). Remembers the thumbprint the server presented last, for error messages.
 */
public final class TrustPolicy {
    private final String pinnedThumbprint;
    private final boolean insecure;
    private final AtomicReference<String> presented = new AtomicReference<>();

    private TrustPolicy(String pinnedThumbprint, boolean insecure) {
        this.pinnedThumbprint = pinnedThumbprint;
        this.insecure = insecure;
    }

    /** The JDK's trust store and host name check. */
    public static TrustPolicy jdkTrustStore() {
        return new TrustPolicy(null, false);
    }

    /** Exactly the certificate of {@code thumbprint} (see {@link Thumbprints#normalized}). */
    public static TrustPolicy pinned(String thumbprint) {
        return new TrustPolicy(thumbprint, false);
    }

    /** Any certificate, unchecked. */
    public static TrustPolicy insecure() {
        return new TrustPolicy(null, true);
    }

    /** The thumbprint of the certificate the server presented last; null before any handshake. */
    public String presentedThumbprint() {
        return presented.get();
    }

    /** True when certificates are pinned by thumbprint. */
    public boolean pinned() {
        return pinnedThumbprint != null;
    }

    /** An SSL context that applies this policy. */
    public SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new Checking(jdkTrustManager())}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot set up TLS", e);
        }
    }

    private static X509ExtendedTrustManager jdkTrustManager() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager extended) {
                return extended;
            }
        }
        throw new GeneralSecurityException("the JDK offers no X.509 trust manager");
    }

    /** The server's certificate did not have the pinned thumbprint. */
    public static final class ThumbprintMismatch extends CertificateException {
        private static final long serialVersionUID = 1L;

        ThumbprintMismatch(String presented) {
            super("the server presented a certificate of SHA-256 thumbprint " + presented
                    + ", not the pinned one");
        }
    }

    private final class Checking extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager jdk;

        Checking(X509ExtendedTrustManager jdk) {
            this.jdk = jdk;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            if (remember(chain)) {
                jdk.checkServerTrusted(chain, authType, engine);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            if (remember(chain)) {
                jdk.checkServerTrusted(chain, authType, socket);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (remember(chain)) {
                ((X509TrustManager) jdk).checkServerTrusted(chain, authType);
            }
        }

        /** Records the presented thumbprint; true when the JDK's check still has to run. */
        private boolean remember(X509Certificate[] chain) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("the server presented no certificate");
            }
            String thumbprint = Thumbprints.of(chain[0]);
            presented.set(thumbprint);
            if (insecure) {
                return false;
            }
            if (pinnedThumbprint != null) {
                if (!pinnedThumbprint.equals(thumbprint)) {
                    throw new ThumbprintMismatch(thumbprint);
                }
                return false;
            }
            return true;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("no client certificates are checked here");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("no client certificates are checked here");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("no client certificates are checked here");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return jdk.getAcceptedIssuers();
        }
    }
}
