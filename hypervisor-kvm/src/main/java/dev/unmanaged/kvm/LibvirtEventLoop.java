package dev.unmanaged.kvm;

import org.libvirt.Library;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libvirt's default event loop, which delivers domain events and keeps connections alive: registered once per
 * process and run by one daemon thread for as long as the process lives. It must run before a connection that
 * wants events is opened; connections opened earlier get none.
 */
final class LibvirtEventLoop {
    private static final Logger LOG = LoggerFactory.getLogger(LibvirtEventLoop.class);
    private static Thread runner;

    private LibvirtEventLoop() {
    }

    /** Registers and starts the loop unless it runs already. */
    static synchronized void ensureRunning() throws LibvirtException {
        if (runner != null) {
            return;
        }
        LibvirtErrorOutput.silence();
        Library.initEventLoop();
        runner = new DaemonThreads("unmanaged-kvm-events-").newThread(LibvirtEventLoop::run);
        runner.start();
        LOG.debug("libvirt event loop started");
    }

    private static void run() {
        while (true) {
            try {
                Library.runEventLoop();
                return;
            } catch (InterruptedException e) {
                // Nothing interrupts this thread on purpose; the loop serves the whole process.
                Thread.interrupted();
            } catch (LibvirtException e) {
                LOG.warn("libvirt's event loop failed once and goes on: {}", LibvirtErrors.libvirtMessage(e));
            }
        }
    }
}
