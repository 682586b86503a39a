package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;

/**
 * Binds a secret attribute (a graphics {@code passwd}) to whether it holds a value, so that the secret itself
 * is never stored in the model. Read-only: the model is never written back.
 */
public final class SecretPresenceAdapter extends XmlAdapter<String, Boolean> {
    @Override
    public Boolean unmarshal(String secret) {
        return secret != null && !secret.isEmpty();
    }

    @Override
    public String marshal(Boolean present) {
        throw new UnsupportedOperationException("secrets are never written");
    }
}
