package dev.unmanaged.vsphere.soap;

/** A response that is not a readable vim25 SOAP answer: too large, too deep, a DOCTYPE, or malformed. */
public final class SoapResponseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SoapResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
