package com.misty.deploy.checks;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.misty.deploy.checks.YamlDocuments.asList;
import static com.misty.deploy.checks.YamlDocuments.asMap;
import static com.misty.deploy.checks.YamlDocuments.at;
import static com.misty.deploy.checks.YamlDocuments.maps;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitoring files under deploy/monitoring (Prometheus scrape configuration and alert rules, the Grafana
 * dashboard), the compose profile "monitoring" and the ServiceMonitor examples parse and say what they must. That
 * every metric they use exists in a running suite is checked by system-tests (operability.MonitoringMetricsSystemTest).
 */
class MonitoringFilesTest {

    private static final Path MONITORING = RepositoryLayout.deploy().resolve("monitoring");

    @Test
    void theAlertRulesParseAndCoverWhatOperatorsMustHear() {
        List<Map<String, Object>> rules = maps(at(YamlDocuments.load(MONITORING.resolve("alerts.yml")), "groups")).stream()
                .flatMap(group -> maps(group.get("rules")).stream()).toList();
        assertThat(rules).isNotEmpty();
        for (Map<String, Object> rule : rules) {
            assertThat(rule).as("rule %s", rule.get("alert")).containsKeys("alert", "expr", "labels", "annotations");
            assertThat(String.valueOf(at(rule, "labels", "severity"))).isIn("critical", "warning");
            assertThat(String.valueOf(at(rule, "annotations", "summary"))).isNotBlank();
            assertBalanced(String.valueOf(rule.get("expr")));
        }
        Map<String, String> exprs = rules.stream().collect(Collectors.toMap(r -> String.valueOf(r.get("alert")),
                r -> String.valueOf(r.get("expr"))));
        assertThat(exprs.values()).anySatisfy(e -> assertThat(e).contains("misty_outbox_oldest_age_seconds").contains("> 60"));
        assertThat(exprs.values()).anySatisfy(e -> assertThat(e).contains("records_lag").contains("[5m]"));
        assertThat(exprs.values()).anySatisfy(e -> assertThat(e).contains("misty_ready == 0"));
        assertThat(exprs.values()).anySatisfy(e -> assertThat(e).contains("26 * 3600"));
        assertThat(exprs.values()).anySatisfy(e -> assertThat(e).contains("misty_auth_refresh_reuse_detections_total"));
    }

    @Test
    void prometheusScrapesEveryServicesMetricsAndLoadsTheRules() {
        Map<String, Object> config = YamlDocuments.load(MONITORING.resolve("prometheus.yml"));
        assertThat(asList(config.get("rule_files"))).containsExactly("/etc/prometheus/alerts.yml");
        Map<String, Object> job = maps(config.get("scrape_configs")).get(0);
        assertThat(job.get("metrics_path")).isEqualTo("/q/metrics");
        List<String> targets = maps(job.get("static_configs")).stream()
                .flatMap(c -> asList(c.get("targets")).stream()).map(String::valueOf).toList();
        for (String module : List.of("gateway", "auth-service", "inventory-service", "payroll-service", "order-service")) {
            assertThat(targets).contains(module + ":" + RepositoryLayout.httpPort(module));
        }
    }

    @Test
    void theDashboardIsValidJsonWithAQueryInEveryPanel() {
        // JSON is YAML: SnakeYAML parses it (and refuses broken JSON).
        Map<String, Object> dashboard = YamlDocuments.load(MONITORING.resolve("grafana/dashboards/misty-suite.json"));
        assertThat(dashboard.get("uid")).isEqualTo("misty-suite");
        List<Map<String, Object>> panels = maps(dashboard.get("panels"));
        assertThat(panels).hasSizeGreaterThanOrEqualTo(10);
        for (Map<String, Object> panel : panels) {
            List<Map<String, Object>> targets = maps(panel.get("targets"));
            assertThat(targets).as("panel %s", panel.get("title")).isNotEmpty();
            targets.forEach(t -> assertBalanced(String.valueOf(t.get("expr"))));
            assertThat(String.valueOf(at(panel, "datasource", "uid"))).isEqualTo("misty-prometheus");
        }
        assertThat(RepositoryLayout.read(MONITORING.resolve("grafana/provisioning/datasources/prometheus.yml")))
                .contains("uid: misty-prometheus").contains("http://prometheus:9090");
    }

    @Test
    void theMonitoringProfileIsOptionalHardenedAndLocal() {
        Map<String, Object> compose = YamlDocuments.load(RepositoryLayout.compose().resolve("docker-compose.monitoring.yml"));
        Map<String, Object> services = asMap(compose.get("services"));
        assertThat(services).containsOnlyKeys("prometheus", "grafana");
        services.forEach((name, service) -> {
            assertThat(asList(at(service, "profiles"))).as(name).containsExactly("monitoring");
            assertThat(asList(at(service, "cap_drop"))).as(name).containsExactly("ALL");
            assertThat(at(service, "read_only")).as(name).isEqualTo(true);
            assertThat(MemorySize.bytes(at(service, "mem_limit"))).as(name).isLessThanOrEqualTo(256L << 20);
        });
        assertThat(at(services, "prometheus", "ports")).as("Prometheus is not published").isNull();
        assertThat(asList(at(services, "grafana", "ports"))).allSatisfy(p -> assertThat(String.valueOf(p)).startsWith("127.0.0.1:"));
        assertThat(String.valueOf(at(services, "grafana", "environment", "GF_SECURITY_ADMIN_PASSWORD"))).startsWith("${");
    }

    @Test
    void eachOverlayHasAServiceMonitorExampleForQMetrics() {
        for (String overlay : List.of("nas", "cluster")) {
            Map<String, Object> monitor = YamlDocuments.load(RepositoryLayout.k8s().resolve("overlays").resolve(overlay)
                    .resolve("service-monitor.example.yaml"));
            assertThat(monitor.get("kind")).isEqualTo("ServiceMonitor");
            assertThat(String.valueOf(at(maps(at(monitor, "spec", "endpoints")).get(0), "path"))).isEqualTo("/q/metrics");
        }
    }

    private static void assertBalanced(String expr) {
        int depth = 0;
        for (char c : expr.toCharArray()) {
            depth += c == '(' || c == '{' || c == '[' ? 1 : c == ')' || c == '}' || c == ']' ? -1 : 0;
            assertThat(depth).as("brackets of %s", expr).isNotNegative();
        }
        assertThat(depth).as("brackets of %s", expr).isZero();
    }
}
