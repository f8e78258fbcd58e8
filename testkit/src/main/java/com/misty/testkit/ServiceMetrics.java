package com.misty.testkit;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/** Reads one sample of the service's Prometheus page ({@code /q/metrics}) in a test. */
public final class ServiceMetrics {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private ServiceMetrics() {
    }

    /** The page as the service serves it. */
    public static String page() {
        return given().accept("text/plain").when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /**
     * The value of the sample {@code name} whose labels include all of {@code labels} (pairs of name, value), summed
     * over the samples that match; 0 when there is none (a counter not yet incremented does not exist).
     */
    public static double value(String name, String... labels) {
        return valueIn(page(), name, labels);
    }

    public static double valueIn(String page, String name, String... labels) {
        Map<String, String> wanted = new TreeMap<>();
        for (int i = 0; i + 1 < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        double sum = 0;
        for (String line : page.split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.find() || !sample.group(1).equals(name)) {
                continue;
            }
            Map<String, String> present = new TreeMap<>();
            if (sample.group(3) != null) {
                Matcher label = LABEL.matcher(sample.group(3));
                while (label.find()) {
                    present.put(label.group(1), label.group(2));
                }
            }
            if (present.entrySet().containsAll(wanted.entrySet())) {
                sum += Double.parseDouble(sample.group(4));
            }
        }
        return sum;
    }

    /** Whether the page has any sample (or metadata line) of {@code name}. */
    public static boolean exists(String page, String name) {
        return Pattern.compile("^(# (TYPE|HELP) )?" + Pattern.quote(name) + "[ {]", Pattern.MULTILINE).matcher(page).find();
    }
}
