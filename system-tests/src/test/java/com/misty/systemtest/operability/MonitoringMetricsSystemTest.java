package com.misty.systemtest.operability;

import com.misty.systemtest.RunningSuite;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every metric an alert rule or a dashboard panel under deploy/monitoring uses exists in the running suite's
 * /q/metrics (a renamed metric would silently turn an alert off). Not checked: {@code up} (Prometheus' own) and
 * {@code kube_*} (kube-state-metrics, Kubernetes only).
 */
class MonitoringMetricsSystemTest {

    private static final List<String> MODULES = List.of("gateway", "auth-service", "inventory-service",
            "payroll-service", "order-service");
    /** A metric name in PromQL: an identifier not followed by "(" (a function) and not a label or keyword. */
    private static final Pattern METRIC = Pattern.compile("\\b((?:misty|kafka|http_server|jvm|process)_[a-z0-9_]+)\\b");
    private final RunningSuite suite = RunningSuite.get();

    @Test
    void everyMetricTheAlertsAndTheDashboardUseExists() throws Exception {
        Path monitoring = Path.of(System.getProperty("misty.suite.home", "..")).toAbsolutePath().normalize()
                .resolve("deploy/monitoring");
        Set<String> used = new TreeSet<>();
        for (Path file : List.of(monitoring.resolve("alerts.yml"), monitoring.resolve("grafana/dashboards/misty-suite.json"))) {
            Matcher names = METRIC.matcher(Files.readString(file));
            while (names.find()) {
                used.add(names.group(1));
            }
        }
        assertThat(used).contains("misty_outbox_oldest_age_seconds", "misty_problems_total");

        // Some activity, so that request timers and problem counters have samples.
        suite.admin().get("/api/auth/me").expect(200);
        suite.client().send("GET", "/api/stock", null, null, java.util.Map.of()).expect(401);
        StringBuilder pages = new StringBuilder();
        HttpClient http = HttpClient.newHttpClient();
        for (String module : MODULES) {
            String base = module.equals("gateway") ? suite.processes().gatewayUrl() : suite.processes().serviceUrl(module);
            http.send(HttpRequest.newBuilder(URI.create(base + "/no/such/route")).build(), HttpResponse.BodyHandlers.discarding());
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(module + " /q/metrics").isEqualTo(200);
            pages.append(page.body()).append('\n');
        }
        List<String> missing = new ArrayList<>();
        for (String name : used) {
            if (!Pattern.compile("(?m)^" + Pattern.quote(name) + "[ {]").matcher(pages).find()) {
                missing.add(name);
            }
        }
        assertThat(missing).as("metrics used by deploy/monitoring but absent from every service's /q/metrics").isEmpty();
    }
}
