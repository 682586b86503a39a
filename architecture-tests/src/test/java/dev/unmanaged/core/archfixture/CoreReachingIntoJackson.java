package dev.unmanaged.core.archfixture;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Breaks the module arrows on purpose: a class in the core's package tree that serialises with Jackson. Test code
 * only; {@code ModuleRulesBiteTest} proves the rules report it.
 */
public final class CoreReachingIntoJackson {
    private CoreReachingIntoJackson() {
    }

    public static String write(Object value) throws Exception {
        return new ObjectMapper().writeValueAsString(value);
    }
}
