package dev.unmanaged.kvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unmanaged.api.error.UnmanagedException;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.api.spi.HostChangeFeed;
import dev.unmanaged.api.spi.HostChangeListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The provider's watch on the live libvirt daemon with QEMU, while {@code virsh} — another process — changes
 * domains of the test's own: each change is reported as the state it leads to. Prints the event latency.
 */
@DisplayName("Watching the live libvirt daemon while virsh changes domains")
class KvmLiveWatchTest {
    private static final Host HOST = new Host("live-qemu", "kvm", LiveDaemon.URI);
    private static final String GONE = "GONE";

    private LiveDaemon daemon;
    private KvmInstanceProvider provider;
    private final BlockingQueue<String> heard = new LinkedBlockingQueue<>();
    private final List<Long> latencies = new ArrayList<>();

    @BeforeEach
    void requireDaemon() {
        daemon = LiveDaemon.require();
        provider = new KvmInstanceProvider();
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (provider != null) {
            provider.close();
        }
        if (daemon != null) { // null when the test was skipped
            daemon.cleanUp();
        }
    }

    @Test
    @DisplayName("define, start, suspend, resume, destroy, undefine and create of a transient domain each give their event")
    void virshChanges() throws Exception {
        String name = daemon.newName("watch");
        UUID uuid = UUID.randomUUID();
        String xml = daemon.definition(name, uuid, "w4tch");
        try (HostChangeFeed feed = provider.watchHost(HOST, recorder(uuid))) {
            expect("LISTED");
            change(() -> daemon.virshWithFile(xml, "define"), PowerState.STOPPED.name());
            started(() -> daemon.virsh("start", name));
            change(() -> daemon.virsh("suspend", name), PowerState.PAUSED.name());
            change(() -> daemon.virsh("resume", name), PowerState.RUNNING.name());
            change(() -> daemon.virsh("destroy", name), PowerState.STOPPED.name());
            change(() -> daemon.virsh("undefine", name), GONE);
            started(() -> daemon.virshWithFile(xml, "create"));
            change(() -> daemon.virsh("destroy", name), GONE);
            assertThat(heard).as("reports after the last change").isEmpty();
            feed.close();
        }
        List<Long> sorted = latencies.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "watch on %s: %d virsh changes, event latency p50 %.1f ms, max %.1f ms%n",
                LiveDaemon.URI, sorted.size(), sorted.get(sorted.size() / 2) / 1e6, sorted.get(sorted.size() - 1) / 1e6);
    }

    /** Notes the states of {@code uuid} only; other domains on the shared daemon are someone else's. */
    private HostChangeListener recorder(UUID uuid) {
        return new HostChangeListener() {
            private String last;

            @Override
            public void listed(List<InstanceDescriptor> instances) {
                heard.add("LISTED");
            }

            @Override
            public void present(InstanceDescriptor instance) {
                if (uuid.equals(instance.uuid()) && !instance.powerState().name().equals(last)) {
                    last = instance.powerState().name();
                    heard.add(last);
                }
            }

            @Override
            public void gone(UUID gone) {
                if (uuid.equals(gone) && !GONE.equals(last)) {
                    last = GONE;
                    heard.add(GONE);
                }
            }

            @Override
            public void unavailable(UnmanagedException reason) {
                heard.add("UNAVAILABLE " + reason.getMessage());
            }
        };
    }

    private interface VirshCall {
        void run() throws Exception;
    }

    /**
     * Makes the change, then expects exactly {@code state} as the next report. virsh returns once libvirt made
     * the change, so the latency measured is from there to the report.
     */
    private void change(VirshCall call, String state) throws Exception {
        call.run();
        long done = System.nanoTime();
        expect(state);
        latencies.add(System.nanoTime() - done);
    }

    /**
     * Starts a domain and expects RUNNING next. QEMU starts with its CPUs stopped and libvirt then lets them run,
     * so a read just after the start event may find the domain paused for a moment; that one report is allowed.
     */
    private void started(VirshCall call) throws Exception {
        call.run();
        long done = System.nanoTime();
        String next = heard.poll(30, TimeUnit.SECONDS);
        if (PowerState.PAUSED.name().equals(next)) {
            next = heard.poll(30, TimeUnit.SECONDS);
        }
        assertThat(next).as("the next report after a start, expected RUNNING").isEqualTo(PowerState.RUNNING.name());
        latencies.add(System.nanoTime() - done);
    }

    private void expect(String what) throws InterruptedException {
        String next = heard.poll(30, TimeUnit.SECONDS);
        assertThat(next).as("the next report, expected %s", what).isEqualTo(what);
    }
}
