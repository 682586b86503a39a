package dev.unmanaged.reliability.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.api.operation.ListQuery;
import dev.unmanaged.core.UnmanagedInstances;
import dev.unmanaged.core.Watch;
import dev.unmanaged.core.WatchEvent;
import dev.unmanaged.reliability.support.CapturedLogs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run of changes to domains made by {@code virsh} — a process other than the test's — on a libvirt daemon while
 * a watch of the KVM provider looks on, with the daemon killed (SIGKILL) and started again half-way. Each change
 * waits for its report before the next is made, so every report can be matched to its change: a change without
 * one within {@link #EVENT_DEADLINE} is missed, a report no change asked for (a repeat, a late one about an
 * earlier domain) is duplicated.
 *
 * <p>Domains go through two lives in turn: defined, started, suspended, resumed, destroyed, undefined; then
 * created transient, suspended, resumed, destroyed. The daemon is started again only once the watch waits
 * {@link #LONG_PAUSE_MILLIS} or more before its next attempt to reconnect, and the first change after it (the
 * definition of a new domain) is made at once: it is made while the watch is away, and only the full listing
 * after the reconnect can report it.
 */
final class WatchedChangeRun {
    static final Duration EVENT_DEADLINE = Duration.ofSeconds(20);
    /** The KVM provider's pauses between attempts to reconnect double from 250 ms; 4 s leaves the daemon time. */
    private static final long LONG_PAUSE_MILLIS = 4000;
    private static final String FEED_LOGGER = "dev.unmanaged.kvm.DomainEventFeed";
    private static final Pattern RECONNECT_PAUSE = Pattern.compile("reconnecting in (\\d+) ms$");

    /** The definition of a domain of the run, given its name and UUID. */
    @FunctionalInterface
    interface DomainXml {
        String of(String name, UUID uuid);
    }

    /** One change (a virsh command) and the report it must give: the event and the power state after it. */
    private record Step(String command, WatchEvent.Kind kind, PowerState state) {
        boolean beginsALife() {
            return command.equals("define") || command.equals("create");
        }

        /** The report expected, as {@link #reportOf} writes it. */
        String report() {
            return state == null ? kind.name() : kind + " " + state;
        }
    }

    private static final List<Step> CYCLE = List.of(
            new Step("define", WatchEvent.Kind.APPEARED, PowerState.STOPPED),
            new Step("start", WatchEvent.Kind.CHANGED, PowerState.RUNNING),
            new Step("suspend", WatchEvent.Kind.CHANGED, PowerState.PAUSED),
            new Step("resume", WatchEvent.Kind.CHANGED, PowerState.RUNNING),
            new Step("destroy", WatchEvent.Kind.CHANGED, PowerState.STOPPED),
            new Step("undefine", WatchEvent.Kind.VANISHED, null),
            new Step("create", WatchEvent.Kind.APPEARED, PowerState.RUNNING),
            new Step("suspend", WatchEvent.Kind.CHANGED, PowerState.PAUSED),
            new Step("resume", WatchEvent.Kind.CHANGED, PowerState.RUNNING),
            new Step("destroy", WatchEvent.Kind.VANISHED, null));

    /** How long after virsh's return the report of one change came (0 when it came first: virsh was exiting). */
    record Latency(int change, String command, long nanos) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s (change %d) %.1f ms", command, change, nanos / 1e6);
        }
    }

    /** An event and when the listener got it ({@link System#nanoTime()}). */
    private record Heard(WatchEvent event, long at) {
    }

    /** One domain, from its definition or creation to its end, and the last report about it. */
    private static final class Life {
        final String name;
        final UUID uuid = UUID.randomUUID();
        WatchEvent last;

        Life(String name) {
            this.name = name;
        }

        boolean repeats(WatchEvent event) {
            return last != null && last.kind() == event.kind() && stateOf(last) == stateOf(event);
        }
    }

    /**
     * What the run saw.
     *
     * @param latencies            per change reported, from the fastest to the slowest
     * @param reportedFirst        the changes whose report came before virsh had returned
     * @param hostEvents           the host events, in order
     * @param awayChangeAheadNanos how long before the watch reported the host recovered the change made while it
     *                             was away was done; negative when the watch was back first
     */
    record Result(int changes, int missed, int duplicated, int startUpPauses, List<Latency> latencies,
                  int reportedFirst, List<WatchEvent.Kind> hostEvents, long awayChangeAheadNanos) {
        double percentileMillis(int percent) {
            if (latencies.isEmpty()) {
                return 0;
            }
            int index = (int) Math.ceil(percent / 100.0 * latencies.size()) - 1;
            return latencies.get(Math.max(0, Math.min(index, latencies.size() - 1))).nanos() / 1e6;
        }

        /** The {@code count} slowest reports, the slowest first. */
        List<Latency> slowest(int count) {
            List<Latency> slowest = new ArrayList<>(latencies.subList(Math.max(0, latencies.size() - count),
                    latencies.size()));
            Collections.reverse(slowest);
            return slowest;
        }

        /** The figures, as docs/reliability.md quotes them. */
        String summary() {
            return String.format(Locale.ROOT, "%d changes including one daemon restart: missed %d, duplicated %d; "
                            + "event latency from virsh's return p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d reported "
                            + "before virsh had returned); %d starts seen paused on the way; the change made while "
                            + "the watch was away was done %.0f ms before it reconnected; slowest: %s",
                    changes, missed, duplicated, percentileMillis(50), percentileMillis(99), percentileMillis(100),
                    reportedFirst, startUpPauses, awayChangeAheadNanos / 1e6,
                    slowest(4));
        }

        /** Nothing missed, nothing repeated, the restart seen by the watch and the change made meanwhile too. */
        void assertNoneMissedNoneRepeated() {
            assertThat(hostEvents).as("host events of the run").containsExactly(WatchEvent.Kind.SYNCED,
                    WatchEvent.Kind.HOST_UNAVAILABLE, WatchEvent.Kind.HOST_RECOVERED);
            assertThat(missed).as("changes never reported").isZero();
            assertThat(duplicated).as("reports no change asked for").isZero();
            assertThat(awayChangeAheadNanos).as("the change made after the daemon was back was done before the "
                    + "watch reconnected (ns ahead)").isPositive();
        }
    }

    private final Host host;
    private final RestartableDaemon daemon;
    private final DomainXml xml;
    private final Virsh virsh;
    private final String prefix = "unmanaged-live-restart-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private final BlockingQueue<Heard> instanceEvents = new LinkedBlockingQueue<>();
    private final BlockingQueue<Heard> hostEvents = new LinkedBlockingQueue<>();
    private final List<Heard> allHostEvents = new CopyOnWriteArrayList<>();
    private final List<Life> lives = new ArrayList<>();
    private final List<Latency> latencies = new ArrayList<>();
    private int missed;
    private int duplicated;
    private int startUpPauses;
    private int reportedFirst;

    WatchedChangeRun(Host host, RestartableDaemon daemon, DomainXml xml) {
        this.host = host;
        this.daemon = daemon;
        this.xml = xml;
        this.virsh = new Virsh(daemon.uri());
    }

    /** Makes {@code changes} changes with one restart of the daemon half-way; removes the run's domains after. */
    Result run(UnmanagedInstances instances, int changes) throws Exception {
        long awayChangeDone = 0;
        try {
            try (Watch watch = instances.watch(ListQuery.of(host).withNameContaining(prefix), this::hear)) {
                awaitHostEvent(WatchEvent.Kind.SYNCED);
                Life life = null;
                boolean restarted = false;
                for (int change = 0; change < changes; change++) {
                    Step step = CYCLE.get(change % CYCLE.size());
                    boolean away = false;
                    if (step.beginsALife()) {
                        if (!restarted && change >= changes / 2) {
                            restartWhileWatched();
                            restarted = true;
                            away = true;
                        }
                        life = new Life(prefix + lives.size());
                        lives.add(life);
                    }
                    long done = make(step, life);
                    if (away) {
                        awayChangeDone = done;
                    }
                    expectReport(change, step, life, done);
                }
                assertThat(restarted).as("the daemon was restarted during the run").isTrue();
                // Anything still under way would arrive now; a watch that repeats itself shows it here.
                while (instanceEvents.poll(1, TimeUnit.SECONDS) != null) {
                    duplicated++;
                }
            }
        } finally {
            daemon.ensureRunning();
            removeDomains();
        }
        long recovered = allHostEvents.stream().filter(h -> h.event().kind() == WatchEvent.Kind.HOST_RECOVERED)
                .mapToLong(Heard::at).findFirst().orElse(awayChangeDone);
        return new Result(changes, missed, duplicated, startUpPauses,
                latencies.stream().sorted(Comparator.comparingLong(Latency::nanos)).toList(),
                reportedFirst, allHostEvents.stream().map(h -> h.event().kind()).toList(), recovered - awayChangeDone);
    }

    private void hear(WatchEvent event) {
        Heard heard = new Heard(event, System.nanoTime());
        if (event.kind().aboutHost()) {
            allHostEvents.add(heard);
            hostEvents.add(heard);
        } else {
            instanceEvents.add(heard);
        }
    }

    /**
     * Kills the daemon, waits until the watch has noticed and waits {@link #LONG_PAUSE_MILLIS} or more before it
     * tries again (it logs each pause), then starts the daemon.
     */
    private void restartWhileWatched() throws Exception {
        int logsBefore = CapturedLogs.events().size();
        daemon.kill();
        awaitHostEvent(WatchEvent.Kind.HOST_UNAVAILABLE);
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!watchPausesLong(logsBefore)) {
            assertThat(System.nanoTime()).as("the watch waits %d ms or more before reconnecting, within 60 s",
                    LONG_PAUSE_MILLIS).isLessThan(end);
            Thread.sleep(20);
        }
        daemon.start();
    }

    private static boolean watchPausesLong(int logsBefore) {
        List<CapturedLogs.Event> logs = CapturedLogs.events();
        return logs.subList(Math.min(logsBefore, logs.size()), logs.size()).stream()
                .filter(e -> e.logger().equals(FEED_LOGGER) && e.message() != null)
                .map(e -> RECONNECT_PAUSE.matcher(e.message()))
                .filter(Matcher::find)
                .anyMatch(m -> Long.parseLong(m.group(1)) >= LONG_PAUSE_MILLIS);
    }

    /** Runs the step's virsh command on the domain; returns when virsh returned ({@link System#nanoTime()}). */
    private long make(Step step, Life life) throws Exception {
        if (step.beginsALife()) {
            virsh.runWithFile(xml.of(life.name, life.uuid), step.command());
        } else {
            virsh.run(step.command(), life.name);
        }
        return System.nanoTime();
    }

    /**
     * Expects the step's report about the domain next. QEMU starts a domain with its CPUs stopped and then lets
     * them run, so a domain read just after it started may be seen paused for a moment: that one report on the way
     * to running is allowed (counted apart), as the provider kit allows it.
     */
    private void expectReport(int change, Step step, Life life, long done) throws InterruptedException {
        Heard report = nextReportAbout(life);
        if (report != null && step.state() == PowerState.RUNNING && stateOf(report.event()) == PowerState.PAUSED
                && report.event().kind() == step.kind()) {
            startUpPauses++;
            Heard running = nextReportAbout(life);
            if (running != null) {
                assertThat(reportOf(running.event())).as("report after %s of %s (change %d) was seen paused",
                        step.command(), life.name, change).isEqualTo("CHANGED RUNNING");
            }
            report = running;
        } else if (report != null) {
            assertThat(reportOf(report.event())).as("report of %s of %s (change %d)", step.command(), life.name,
                    change).isEqualTo(step.report());
        }
        if (report == null) {
            missed++;
        } else {
            reportedFirst += report.at() < done ? 1 : 0;
            latencies.add(new Latency(change, step.command(), Math.max(0, report.at() - done)));
        }
    }

    /** The next report about the domain; the repeats and the reports about other domains are counted. */
    private Heard nextReportAbout(Life life) throws InterruptedException {
        long end = System.nanoTime() + EVENT_DEADLINE.toNanos();
        long left;
        while ((left = end - System.nanoTime()) > 0) {
            Heard next = instanceEvents.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return null;
            }
            if (!life.uuid.equals(next.event().uuid()) || life.repeats(next.event())) {
                duplicated++;
            } else {
                life.last = next.event();
                return next;
            }
        }
        return null;
    }

    private void awaitHostEvent(WatchEvent.Kind kind) throws InterruptedException {
        long end = System.nanoTime() + EVENT_DEADLINE.toNanos();
        Heard next;
        do {
            next = hostEvents.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
        } while (next != null && next.event().kind() != kind);
        assertThat(next).as("a %s event within %s", kind, EVENT_DEADLINE).isNotNull();
    }

    /** The event's kind and, when it carries a descriptor, the power state. */
    private static String reportOf(WatchEvent event) {
        return event.descriptor() == null ? event.kind().name() : event.kind() + " " + stateOf(event);
    }

    private static PowerState stateOf(WatchEvent event) {
        return event.descriptor() == null ? null : event.descriptor().powerState();
    }

    /** Destroys and undefines every domain of the run that is left, whatever state the run ended in. */
    private void removeDomains() throws Exception {
        Command.Result list = virsh.attempt("list", "--all", "--name");
        for (String name : list.output().lines().map(String::strip).filter(n -> n.startsWith(prefix)).toList()) {
            virsh.attempt("destroy", name);
            virsh.attempt("undefine", name);
        }
    }
}
