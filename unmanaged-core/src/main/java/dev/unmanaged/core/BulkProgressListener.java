package dev.unmanaged.core;

/**
 * Told about each item of a bulk operation as it finishes. May be called from several worker threads at once;
 * {@link BulkProgress#done()} grows by one per call. A listener that throws is logged and ignored.
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
