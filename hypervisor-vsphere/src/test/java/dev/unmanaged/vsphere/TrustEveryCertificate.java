package dev.unmanaged.vsphere;

import java.security.cert.X509Certificate;
import javax.net.ssl.X509TrustManager;

/** Test side only: trusts any server, to read the thumbprint a simulator presents or to drive it past the provider. */
final class TrustEveryCertificate implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
