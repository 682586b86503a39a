package dev.unmanaged.tck;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** The outcome of running one kit subclass on the JUnit Platform, test by test. */
record KitRun(List<Outcome> outcomes) {

    /** One test's display name, status, and what it threw. */
    record Outcome(String displayName, TestExecutionResult.Status status, Throwable thrown) {
        String message() {
            return thrown == null ? "" : String.valueOf(thrown.getMessage());
        }
    }

    /** Runs every test of {@code kitClass} (nested groups included) and records each test's outcome. */
    static KitRun of(Class<?> kitClass) {
        List<Outcome> outcomes = new ArrayList<>();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(kitClass))
                .build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest()) {
                    synchronized (outcomes) {
                        outcomes.add(new Outcome(id.getDisplayName(), result.getStatus(),
                                result.getThrowable().orElse(null)));
                    }
                }
            }

            @Override
            public void executionSkipped(TestIdentifier id, String reason) {
                if (id.isTest()) {
                    synchronized (outcomes) {
                        outcomes.add(new Outcome(id.getDisplayName(), TestExecutionResult.Status.ABORTED, null));
                    }
                }
            }
        });
        return new KitRun(List.copyOf(outcomes));
    }

    List<Outcome> failed() {
        return outcomes.stream().filter(o -> o.status() == TestExecutionResult.Status.FAILED).toList();
    }

    List<Outcome> passed() {
        return outcomes.stream().filter(o -> o.status() == TestExecutionResult.Status.SUCCESSFUL).toList();
    }

    List<Outcome> aborted() {
        return outcomes.stream().filter(o -> o.status() == TestExecutionResult.Status.ABORTED).toList();
    }

    Optional<Outcome> failure(String displayName) {
        return failed().stream().filter(o -> o.displayName().equals(displayName)).findFirst();
    }

    /** Every failure, one a line, for assertion messages. */
    String failureReport() {
        return failed().stream().map(o -> "- " + o.displayName() + ": " + o.message())
                .collect(Collectors.joining("\n"));
    }
}
