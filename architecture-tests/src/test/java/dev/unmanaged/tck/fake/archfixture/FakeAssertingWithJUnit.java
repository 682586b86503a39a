package dev.unmanaged.tck.fake.archfixture;

import org.junit.jupiter.api.Assertions;

/** Breaks the module arrows on purpose: an in-memory fake that checks its state with JUnit. Test code only. */
public final class FakeAssertingWithJUnit {
    private FakeAssertingWithJUnit() {
    }

    public static void requireEmpty(String state) {
        Assertions.assertTrue(state.isEmpty(), state);
    }
}
