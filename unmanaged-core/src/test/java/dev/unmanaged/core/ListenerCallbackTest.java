package dev.unmanaged.core;

import static dev.unmanaged.core.Fixtures.H1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.isA;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import dev.unmanaged.api.error.ImportRejectedException;
import dev.unmanaged.api.operation.BulkOutcome.Status;
import dev.unmanaged.api.operation.BulkResult;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.ImportResult;
import dev.unmanaged.api.operation.UnmanageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

/**
 * What the facade tells the caller's callbacks, and in which order. The callbacks are mocks, as they are the
 * caller's code; the provider and the store are the reference implementations.
 */
@DisplayName("Progress and event callbacks")
class ListenerCallbackTest {
    private static final int COUNT = 6;

    @Test
    @DisplayName("a bulk import calls the progress listener once per item, done counting 1 to N of N")
    void progressOncePerItemInOrder() throws Exception {
        BulkProgressListener<ImportResult> listener = progressListenerMock();
        try (var bench = new Workbench(b -> b.bulkConcurrency(3))) {
            BulkResult<ImportResult> result = bench.instances.importAll(vms(bench), listener).await();

            ArgumentCaptor<BulkProgress<ImportResult>> progress = progressCaptor();
            verify(listener, times(COUNT)).onProgress(progress.capture());
            verifyNoMoreInteractions(listener);
            assertThat(progress.getAllValues()).extracting(BulkProgress::done)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, COUNT).boxed().toList());
            assertThat(progress.getAllValues()).allSatisfy(p -> assertThat(p.total()).isEqualTo(COUNT));
            assertThat(progress.getAllValues()).extracting(p -> p.outcome().index())
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, COUNT).boxed().toList());
            assertThat(result.count(Status.SUCCEEDED)).isEqualTo(COUNT);
        }
    }

    @Test
    @DisplayName("a progress listener that throws is still called for every item, and every item is imported")
    void throwingProgressListenerIsCalledForEveryItem() throws Exception {
        BulkProgressListener<ImportResult> listener = progressListenerMock();
        doThrow(new IllegalStateException("listener bug")).when(listener).onProgress(any());
        try (var bench = new Workbench(b -> b.bulkConcurrency(2))) {
            BulkResult<ImportResult> result = bench.instances.importAll(vms(bench), listener).await();

            verify(listener, times(COUNT)).onProgress(any());
            assertThat(result.count(Status.SUCCEEDED)).isEqualTo(COUNT);
            assertThat(bench.store.list()).hasSize(COUNT);
        }
    }

    @Test
    @DisplayName("event listeners hear of each import and unmanage in registration order, even after one throws")
    void eventsInOrderPastAThrowingListener() {
        InstanceEventListener first = mock(InstanceEventListener.class);
        InstanceEventListener second = mock(InstanceEventListener.class);
        doThrow(new IllegalStateException("listener bug")).when(first).onEvent(any());
        try (var bench = new Workbench(b -> b.listener(first).listener(second))) {
            Fixtures.put(bench.provider, H1, Fixtures.simpleVm("vm-1", 1), Fixtures.simpleVm("vm-2", 2));

            bench.instances.importInstance(Fixtures.cleanRequest(H1, 1).build());
            assertThatThrownBy(() -> bench.instances.importInstance(
                    Fixtures.cleanRequest(H1, 2).offering("no-such-offering").build()))
                    .isInstanceOf(ImportRejectedException.class);
            bench.instances.unmanage(new UnmanageRequest("vm-1"));

            InOrder order = inOrder(first, second);
            order.verify(first).onEvent(isA(InstanceEvent.Imported.class));
            order.verify(second).onEvent(isA(InstanceEvent.Imported.class));
            order.verify(first).onEvent(isA(InstanceEvent.Rejected.class));
            order.verify(second).onEvent(isA(InstanceEvent.Rejected.class));
            order.verify(first).onEvent(isA(InstanceEvent.Unmanaged.class));
            order.verify(second).onEvent(isA(InstanceEvent.Unmanaged.class));
            verifyNoMoreInteractions(first, second);
        }
    }

    private static List<ImportRequest> vms(Workbench bench) {
        var requests = new ArrayList<ImportRequest>();
        for (int i = 1; i <= COUNT; i++) {
            Fixtures.put(bench.provider, H1, Fixtures.simpleVm("vm-" + i, i));
            requests.add(Fixtures.cleanRequest(H1, i).build());
        }
        return requests;
    }

    @SuppressWarnings("unchecked") // Mockito mocks the raw interface; the type argument only exists at compile time
    private static BulkProgressListener<ImportResult> progressListenerMock() {
        return mock(BulkProgressListener.class);
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // as above, for the captor of a generic record
    private static ArgumentCaptor<BulkProgress<ImportResult>> progressCaptor() {
        return ArgumentCaptor.forClass((Class) BulkProgress.class);
    }
}
