package dev.unmanaged.reliability.live;

/** A libvirt daemon a test may kill, as a crash would, and start again. */
interface RestartableDaemon {
    /** The URI of the driver the daemon serves. */
    String uri();

    /** Kills the daemon with SIGKILL and returns once it is gone. */
    void kill() throws Exception;

    /** Starts the daemon and returns once it answers. */
    void start() throws Exception;

    /** Starts the daemon when it is not running (a test failed while it was away); does nothing otherwise. */
    void ensureRunning() throws Exception;
}
