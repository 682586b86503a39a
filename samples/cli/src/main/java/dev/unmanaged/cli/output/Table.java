package dev.unmanaged.cli.output;

import dev.unmanaged.api.text.SafeText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table with a header row and columns as wide as their widest cell. Cells hold values from hosts and
 * files, so each is kept in its escaped form ({@link SafeText#escaped}): a line break in a value cannot forge a
 * row, and the widths are those of what the terminal shows.
 */
public final class Table {
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    private Table(List<String> headers) {
        this.headers = headers;
    }

    /** A table with these column headers. */
    public static Table of(String... headers) {
        return new Table(List.of(headers));
    }

    /** Adds a row; {@code null} cells are shown as {@code -}, every other cell escaped. */
    public Table row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
        }
        rows.add(Arrays.stream(cells).map(c -> c == null ? "-" : SafeText.escaped(c)).toList());
        return this;
    }

    /** True when no row was added. */
    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Writes the table, each line indented by {@code indent}. */
    public void print(PrintWriter out, String indent) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        printLine(out, indent, headers, widths);
        for (List<String> row : rows) {
            printLine(out, indent, row, widths);
        }
        out.flush();
    }

    /** Writes the table without indentation. */
    public void print(PrintWriter out) {
        print(out, "");
    }

    private static void printLine(PrintWriter out, String indent, List<String> cells, int[] widths) {
        var line = new StringBuilder(indent);
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            line.append(cell);
            if (i < cells.size() - 1) {
                line.append(" ".repeat(widths[i] - cell.length() + 2));
            }
        }
        out.println(line.toString().stripTrailing());
    }
}
