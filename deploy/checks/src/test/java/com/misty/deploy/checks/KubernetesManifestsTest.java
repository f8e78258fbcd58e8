package com.misty.deploy.checks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static com.misty.deploy.checks.YamlDocuments.asList;
import static com.misty.deploy.checks.YamlDocuments.asMap;
import static com.misty.deploy.checks.YamlDocuments.at;
import static com.misty.deploy.checks.YamlDocuments.maps;
import static com.misty.deploy.checks.YamlDocuments.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * deploy/k8s: the base's own files and, where kubectl is installed, each overlay as `kubectl kustomize`
 * renders it, checked for the same invariants (probes, limits, only the gateway exposed, images, no Secrets).
 */
class KubernetesManifestsTest {

    private static final Path BASE = RepositoryLayout.k8s().resolve("base");
    private static final Path OVERLAYS = RepositoryLayout.k8s().resolve("overlays");
    private static final Set<String> NAMESPACED_KINDS = Set.of("Deployment", "Service", "Ingress", "ConfigMap",
            "PodDisruptionBudget", "HorizontalPodAutoscaler", "CronJob", "PersistentVolumeClaim", "NetworkPolicy");

    @Test
    void everyKustomizationNamesFilesThatExistAndTheBaseLeavesNoFileOut() throws IOException {
        for (Path kustomization : kustomizations()) {
            Map<String, Object> content = YamlDocuments.load(kustomization);
            Path dir = kustomization.getParent();
            for (Object resource : asList(content.get("resources"))) {
                assertThat(dir.resolve(string(resource)).normalize()).as(kustomization + " resource " + resource).exists();
            }
            for (Map<String, Object> patch : maps(content.get("patches"))) {
                if (patch.get("path") != null) {
                    assertThat(dir.resolve(string(patch.get("path")))).as(kustomization + " patch").exists();
                }
            }
        }
        List<String> listed = asList(YamlDocuments.load(BASE.resolve("kustomization.yaml")).get("resources"))
                .stream().map(String::valueOf).toList();
        try (Stream<Path> files = Files.list(BASE)) {
            List<String> yamlFiles = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml") && !name.equals("kustomization.yaml")).toList();
            assertThat(listed).containsExactlyInAnyOrderElementsOf(yamlFiles);
        }
    }

    @Test
    void theBaseDeploysEachServiceSafely() {
        List<Map<String, Object>> base = baseDocuments();

        assertWorkloadsSafe(base, "base");
        for (Map<String, Object> deployment : ofKind(base, "Deployment")) {
            String name = string(at(deployment, "metadata", "name"));
            assertThat(string(at(container(deployment), "image"))).as(name)
                    .isEqualTo("misty/" + name + ":" + RepositoryLayout.projectVersion());
        }
    }

    @Test
    void theGatewayGetsEveryRouteItsConfigurationHas() {
        Map<String, Object> gateway = ofKind(baseDocuments(), "Deployment").stream()
                .filter(d -> "gateway".equals(string(at(d, "metadata", "name")))).findFirst().orElseThrow();

        List<String> variables = maps(container(gateway).get("env")).stream().map(e -> string(e.get("name"))).toList();
        assertThat(variables).containsAll(RepositoryLayout.gatewayRouteVariables());
    }

    @Test
    void theBaseImageTagsAreTheProjectVersion() {
        Map<String, Object> kustomization = YamlDocuments.load(BASE.resolve("kustomization.yaml"));
        List<Map<String, Object>> images = maps(kustomization.get("images"));

        assertThat(images).extracting(image -> string(image.get("name")))
                .containsExactlyInAnyOrderElementsOf(RepositoryLayout.SERVICE_MODULES.stream().map(m -> "misty/" + m).toList());
        assertThat(images).allSatisfy(image ->
                assertThat(string(image.get("newTag"))).isEqualTo(RepositoryLayout.projectVersion()));
    }

    @Test
    void noSecretValueIsEverAManifest() throws IOException {
        try (Stream<Path> files = Files.walk(RepositoryLayout.k8s())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                for (Map<String, Object> document : YamlDocuments.loadAll(file)) {
                    assertThat(string(document.get("kind"))).as(file.toString()).isNotEqualTo("Secret");
                    assertThat(document).as(file.toString()).doesNotContainKeys("secretGenerator");
                }
            }
        }
    }

    @Test
    void theBackupCopiesOfTheScriptsAreTheScripts() {
        for (String script : List.of("misty-backup.sh", "misty-restore.sh", "misty-backup-check.sh")) {
            assertThat(RepositoryLayout.read(BASE.resolve("backup").resolve(script))).as(script)
                    .isEqualTo(RepositoryLayout.read(RepositoryLayout.deploy().resolve("backup").resolve(script)));
        }
    }

    @Test
    void theClusterOverlayAutoscalesEveryServiceFromTwoReplicas() {
        List<Map<String, Object>> autoscalers =
                YamlDocuments.loadAll(OVERLAYS.resolve("cluster/horizontal-pod-autoscalers.yaml"));

        assertAutoscaled(autoscalers, RepositoryLayout.SERVICE_MODULES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nas", "cluster"})
    void eachOverlayRendersToTheSameSafeShape(String overlay) {
        List<Map<String, Object>> rendered = render(overlay);

        assertWorkloadsSafe(rendered, overlay);
        for (Map<String, Object> document : rendered) {
            if (NAMESPACED_KINDS.contains(string(document.get("kind")))) {
                assertThat(string(at(document, "metadata", "namespace"))).as(overlay + " " + document.get("kind")
                        + " " + at(document, "metadata", "name")).isEqualTo("misty");
            }
        }
        assertThat(ofKind(rendered, "Secret")).isEmpty();
    }

    @Test
    void theNasOverlayRunsOneReplicaOfEachServiceWithoutAutoscaling() {
        List<Map<String, Object>> rendered = render("nas");

        assertThat(ofKind(rendered, "HorizontalPodAutoscaler")).isEmpty();
        for (Map<String, Object> deployment : ofKind(rendered, "Deployment")) {
            assertThat(at(deployment, "spec", "replicas")).as(string(at(deployment, "metadata", "name"))).isEqualTo(1);
        }
    }

    @Test
    void theClusterOverlayLeavesTheReplicaCountToTheAutoscalers() {
        List<Map<String, Object>> rendered = render("cluster");

        assertAutoscaled(ofKind(rendered, "HorizontalPodAutoscaler"), RepositoryLayout.SERVICE_MODULES);
        for (Map<String, Object> deployment : ofKind(rendered, "Deployment")) {
            assertThat(asMap(deployment.get("spec"))).as(string(at(deployment, "metadata", "name")))
                    .doesNotContainKey("replicas");
        }
        assertThat(asList(at(ofKind(rendered, "Ingress").get(0), "spec", "tls"))).isNotEmpty();
    }

    @Test
    void theBackupCronJobDumpsTheReplicaSetOntoItsVolumeWithRetention() {
        List<Map<String, Object>> rendered = render("nas");

        Map<String, Object> config = ofKind(rendered, "ConfigMap").stream()
                .filter(c -> string(at(c, "metadata", "name")).startsWith("misty-backup-config")).findFirst().orElseThrow();
        assertThat(Integer.parseInt(string(at(config, "data", "BACKUP_RETENTION_DAYS")))).isPositive();
        assertThat(Integer.parseInt(string(at(config, "data", "BACKUP_RETENTION_COUNT")))).isPositive();
        assertThat(string(at(config, "data", "BACKUP_STATUS_FILE"))).startsWith("/backups/");

        Map<String, Object> cronJob = ofKind(rendered, "CronJob").get(0);
        Object pod = at(cronJob, "spec", "jobTemplate", "spec", "template", "spec");
        assertThat(asList(at(maps(at(pod, "containers")).get(0), "command")).toString()).contains("misty-backup.sh");
        assertThat(maps(at(pod, "volumes"))).anySatisfy(volume ->
                assertThat(string(at(volume, "persistentVolumeClaim", "claimName"))).isEqualTo("mongodb-backups"));
        assertThat(ofKind(rendered, "PersistentVolumeClaim")).extracting(c -> string(at(c, "metadata", "name")))
                .contains("mongodb-backups");
        assertThat(ofKind(rendered, "ConfigMap")).extracting(c -> string(at(c, "metadata", "name")))
                .as("the restore Job mounts the scripts by this fixed name").contains("misty-backup-scripts");
    }

    /** Probes, limits, non-root, one Ingress to the gateway, ClusterIP Services, a PDB per Deployment. */
    private static void assertWorkloadsSafe(List<Map<String, Object>> documents, String where) {
        List<Map<String, Object>> deployments = ofKind(documents, "Deployment");
        assertThat(deployments).extracting(d -> string(at(d, "metadata", "name"))).as(where)
                .containsExactlyInAnyOrderElementsOf(RepositoryLayout.SERVICE_MODULES);

        for (Map<String, Object> deployment : deployments) {
            String name = where + " " + at(deployment, "metadata", "name");
            Object pod = at(deployment, "spec", "template", "spec");
            assertThat(at(pod, "securityContext", "runAsNonRoot")).as(name + " runAsNonRoot").isEqualTo(true);
            assertThat(at(pod, "hostNetwork")).as(name + " hostNetwork").isNotEqualTo(true);
            assertThat(maps(at(pod, "containers"))).as(name).hasSize(1);
            Map<String, Object> container = container(deployment);
            assertThat(string(at(container, "readinessProbe", "httpGet", "path"))).as(name).isEqualTo("/q/health/ready");
            assertThat(string(at(container, "livenessProbe", "httpGet", "path"))).as(name).isEqualTo("/q/health/live");
            for (String bound : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    assertThat(at(container, "resources", bound, resource)).as(name + " " + bound + "." + resource).isNotNull();
                }
            }
            assertThat(at(container, "securityContext", "allowPrivilegeEscalation")).as(name).isEqualTo(false);
            int port = RepositoryLayout.httpPort(string(at(deployment, "metadata", "name")));
            assertThat(maps(container.get("ports"))).as(name + " ports").singleElement().satisfies(p -> {
                assertThat(p.get("containerPort")).isEqualTo(port);
                assertThat(p).doesNotContainKey("hostPort");
            });
            assertThat(ofKind(documents, "PodDisruptionBudget")).as(name + " PodDisruptionBudget").anySatisfy(pdb ->
                    assertThat(asMap(at(pdb, "spec", "selector", "matchLabels")))
                            .isEqualTo(asMap(at(deployment, "spec", "selector", "matchLabels"))));
        }

        for (Map<String, Object> service : ofKind(documents, "Service")) {
            assertThat(string(at(service, "spec", "type"))).as(where + " Service " + at(service, "metadata", "name"))
                    .isIn(null, "ClusterIP");
        }

        List<Map<String, Object>> ingresses = ofKind(documents, "Ingress");
        assertThat(ingresses).as(where + " Ingress").hasSize(1);
        List<String> backends = new ArrayList<>();
        for (Map<String, Object> rule : maps(at(ingresses.get(0), "spec", "rules"))) {
            for (Map<String, Object> path : maps(at(rule, "http", "paths"))) {
                backends.add(string(at(path, "backend", "service", "name")));
            }
        }
        assertThat(backends).as(where + " Ingress backends").isNotEmpty().containsOnly("gateway");
        assertThat(at(ingresses.get(0), "spec", "defaultBackend")).isNull();

        for (Map<String, Object> cronJob : ofKind(documents, "CronJob")) {
            Object pod = at(cronJob, "spec", "jobTemplate", "spec", "template", "spec");
            assertThat(at(pod, "securityContext", "runAsNonRoot")).as(where + " CronJob").isEqualTo(true);
            for (Map<String, Object> container : maps(at(pod, "containers"))) {
                assertThat(at(container, "resources", "limits", "memory")).as(where + " CronJob limits").isNotNull();
            }
            assertThat(string(at(cronJob, "spec", "concurrencyPolicy"))).isEqualTo("Forbid");
        }
    }

    private static void assertAutoscaled(List<Map<String, Object>> autoscalers, List<String> deployments) {
        assertThat(autoscalers).extracting(hpa -> string(at(hpa, "spec", "scaleTargetRef", "name")))
                .containsExactlyInAnyOrderElementsOf(deployments);
        for (Map<String, Object> hpa : autoscalers) {
            assertThat(string(at(hpa, "spec", "scaleTargetRef", "kind"))).isEqualTo("Deployment");
            assertThat((Integer) at(hpa, "spec", "minReplicas")).isGreaterThanOrEqualTo(2);
            assertThat((Integer) at(hpa, "spec", "maxReplicas")).isGreaterThan((Integer) at(hpa, "spec", "minReplicas"));
        }
    }

    private static List<Map<String, Object>> render(String overlay) {
        ExternalTool kubectl = new ExternalTool("kubectl");
        assumeTrue(kubectl.installed(), "kubectl is not installed: the overlays were checked as files only");
        ExternalTool.Result result = kubectl.run(RepositoryLayout.k8s(), Map.of(),
                List.of("kustomize", OVERLAYS.resolve(overlay).toString()));
        assertThat(result.exitCode()).as("kubectl kustomize " + overlay + ": " + result.stderr()).isZero();
        return YamlDocuments.loadAll(result.stdout());
    }

    private static List<Map<String, Object>> baseDocuments() {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object resource : asList(YamlDocuments.load(BASE.resolve("kustomization.yaml")).get("resources"))) {
            documents.addAll(YamlDocuments.loadAll(BASE.resolve(string(resource))));
        }
        return documents;
    }

    private static List<Path> kustomizations() {
        try (Stream<Path> files = Files.walk(RepositoryLayout.k8s())) {
            return files.filter(f -> f.getFileName().toString().equals("kustomization.yaml")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Map<String, Object>> ofKind(List<Map<String, Object>> documents, String kind) {
        return documents.stream().filter(d -> kind.equals(string(d.get("kind")))).toList();
    }

    private static Map<String, Object> container(Map<String, Object> deployment) {
        return maps(at(deployment, "spec", "template", "spec", "containers")).get(0);
    }
}
