package dev.unmanaged.xml.archfixture;

import dev.unmanaged.api.text.SafeText;

/**
 * Breaks the module arrows on purpose: a class in hardened-xml's package tree that uses the api's text helpers.
 * It lives in test code only, so the rules over the shipped classes never see it; {@code ModuleRulesBiteTest}
 * feeds it to the rules to prove they report such an import.
 */
public final class XmlReachingIntoApi {
    private XmlReachingIntoApi() {
    }

    public static String shown(String text) {
        return SafeText.of(text);
    }
}
