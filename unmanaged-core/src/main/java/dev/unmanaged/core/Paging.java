package dev.unmanaged.core;

import java.util.List;

/** One page of a sorted result, the same way for every listing of the facade. */
final class Paging {
    private Paging() {
    }

    /** The elements of {@code all} from {@code offset}, at most {@code limit} of them (0: no limit). */
    static <T> List<T> page(List<T> all, int offset, int limit) {
        if (offset >= all.size()) {
            return List.of();
        }
        int end = limit == 0 ? all.size() : (int) Math.min(all.size(), (long) offset + limit);
        return all.subList(offset, end);
    }
}
