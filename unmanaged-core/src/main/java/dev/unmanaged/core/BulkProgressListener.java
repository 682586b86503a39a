package dev.unmanaged.core;

/**
 * Told about each item of a bulk operation as it finishes. Called from the worker threads, one call at a time,
 * with {@link BulkProgress#done()} growing by one per call; a slow listener slows the operation down. A listener
 * that throws is logged and ignored.
 *
 * @param <T> the result type of one item
 */
@FunctionalInterface
public interface BulkProgressListener<T> {
    /** A listener that ignores progress. */
    static <T> BulkProgressListener<T> none() {
        return progress -> { };
    }

    /** One item finished. */
    void onProgress(BulkProgress<T> progress);
}
