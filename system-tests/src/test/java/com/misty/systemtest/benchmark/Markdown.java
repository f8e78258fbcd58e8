package com.misty.systemtest.benchmark;

import java.util.List;
import java.util.Locale;

/** The report's text: headings, paragraphs and tables in Markdown, numbers formatted one way throughout. */
final class Markdown {

    private final StringBuilder text = new StringBuilder();

    Markdown heading(int level, String title) {
        text.append("#".repeat(level)).append(' ').append(title).append("\n\n");
        return this;
    }

    Markdown paragraph(String paragraph) {
        text.append(paragraph).append("\n\n");
        return this;
    }

    Markdown bullets(List<String> items) {
        items.forEach(item -> text.append("- ").append(item).append('\n'));
        text.append('\n');
        return this;
    }

    /** A table; columns after the first are right-aligned (numbers). */
    Markdown table(List<String> header, List<List<String>> rows) {
        text.append("| ").append(String.join(" | ", header)).append(" |\n|");
        for (int i = 0; i < header.size(); i++) {
            text.append(i == 0 ? " --- |" : " ---: |");
        }
        text.append('\n');
        rows.forEach(row -> text.append("| ").append(String.join(" | ", row)).append(" |\n"));
        text.append('\n');
        return this;
    }

    static String millis(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, value < 10 ? "%.2f ms" : "%.1f ms", value);
    }

    static String signedMillis(double value) {
        return Double.isNaN(value) ? "–" : (value >= 0 ? "+" : "−") + millis(Math.abs(value));
    }

    static String perSecond(double value) {
        return String.format(Locale.ROOT, value < 100 ? "%.1f" : "%,.0f", value);
    }

    static String ratio(double value) {
        return String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.0f", value);
    }

    static String mib(long kib) {
        return String.format(Locale.ROOT, "%d MB", Math.round(kib / 1024.0));
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
