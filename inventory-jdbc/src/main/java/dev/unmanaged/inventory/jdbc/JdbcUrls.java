package dev.unmanaged.inventory.jdbc;

import java.util.regex.Pattern;

/** JDBC URLs as they may be shown in logs and errors: without passwords. */
final class JdbcUrls {
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

    private JdbcUrls() {
    }

    /** {@code url} with the value of every {@code password=} parameter replaced by {@code ***}. */
    static String redacted(String url) {
        return PASSWORD.matcher(url).replaceAll("$1***");
    }
}
