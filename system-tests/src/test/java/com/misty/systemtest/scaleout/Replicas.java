package com.misty.systemtest.scaleout;

import com.misty.systemtest.RunningSuite;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The replicas of the scale-out run's suite, and what each one says about itself. */
final class Replicas {

    private Replicas() {
    }

    /**
     * The suite of this run, which must have several replicas of every service: these classes run in the scale-out
     * execution of system-tests (or by hand with {@code -Dmisty.suite.replicas=2}); with one replica they would
     * prove nothing, so they refuse instead of passing.
     */
    static RunningSuite suite() {
        assertThat(RunningSuite.REPLICAS).as("the scale-out tests need a suite with several replicas of every service:"
                + " run them with -Dmisty.suite.replicas=2 (the scale-out execution of system-tests does)")
                .isGreaterThanOrEqualTo(2);
        return RunningSuite.get();
    }

    /** The processes of one service module, replica 1 first. */
    static List<String> of(RunningSuite suite, String module) {
        return suite.processes().replicaNames(module);
    }

    /**
     * How many events one replica's outbox relay has had acknowledged by the broker since it started (the count of
     * its {@code misty_outbox_publish_latency_seconds} timer, over its collections), read from its own metrics.
     */
    static long eventsPublishedBy(RunningSuite suite, String replica) {
        String metrics = get(suite, suite.processes().serviceUrl(replica) + "/q/metrics");
        return metrics.lines().filter(line -> line.startsWith("misty_outbox_publish_latency_seconds_count"))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static String get(RunningSuite suite, String url) {
        try {
            HttpResponse<String> response = suite.client().http().send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s", url).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new AssertionError("GET " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
