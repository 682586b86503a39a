package dev.unmanaged.vsphere.vim;

/** Names of the vim25 API shared by the model and the requests. */
public final class Vim {
    /** The namespace of every vim25 element. */
    public static final String NAMESPACE = "urn:vim25";

    private Vim() {
    }
}
