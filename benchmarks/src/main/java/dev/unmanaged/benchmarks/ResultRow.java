package dev.unmanaged.benchmarks;

import java.util.Locale;

/**
 * One line of the results table: a figure of ours and of its baseline, measured in the same run.
 *
 * @param benchmark what was measured
 * @param ours      our figure, with its unit
 * @param baseline  the baseline's figure, with its unit; "-" when the row has none
 * @param ratio     how many times better ours is (above 1 is better), NaN when the row has no baseline
 * @param target    the target in words
 * @param met       whether the target is met; null when the row has no target
 * @param note      what else to know (sizes, counts), may be empty
 */
public record ResultRow(String benchmark, String ours, String baseline, double ratio, String target, Boolean met,
                        String note) {

    /** A row that compares ours with a baseline. */
    public static ResultRow compared(String benchmark, String ours, String baseline, double ratio, String target,
                                     boolean met, String note) {
        return new ResultRow(benchmark, ours, baseline, ratio, target, met, note);
    }

    /** A row that reports a figure without a baseline. */
    public static ResultRow reported(String benchmark, String ours, String target, Boolean met, String note) {
        return new ResultRow(benchmark, ours, "-", Double.NaN, target, met, note);
    }

    /** The ratio as the table shows it. */
    public String ratioText() {
        return Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2f×", ratio);
    }

    /** The verdict as the table shows it. */
    public String verdict() {
        return met == null ? "-" : met ? "met" : "missed";
    }

    /** A Markdown table line. */
    public String markdown() {
        return "| " + String.join(" | ", benchmark, ours, baseline, ratioText(), target, verdict(), note) + " |";
    }

    /** A Markdown table line with the command that reproduces it. */
    public String markdown(String command) {
        return markdown() + " " + command + " |";
    }

    /** The Markdown table header, with a command column. */
    public static String markdownHeader() {
        return "| benchmark | ours | baseline | ratio | target | verdict | note | command |\n"
                + "|---|---|---|---|---|---|---|---|";
    }

    /** Formats a number with {@code decimals} places. */
    public static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }
}
