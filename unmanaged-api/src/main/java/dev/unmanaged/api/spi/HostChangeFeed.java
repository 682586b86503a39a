package dev.unmanaged.api.spi;

/** A running {@link HypervisorInstanceProvider#watchHost watch} of one host; closing it stops the notices. */
public interface HostChangeFeed extends AutoCloseable {
    /**
     * Stops watching and releases what the watch holds. Once this returns the listener is not called again.
     * Idempotent; never throws.
     */
    @Override
    void close();
}
