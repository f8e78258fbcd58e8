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
    private static final Path OPERATORS = RepositoryLayout.k8s().resolve("operators");
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
            assertThat(string(at(container(deployment), "image"))).as(name).startsWith("misty/" + name + ":")
                    .doesNotContain("SNAPSHOT").doesNotEndWith(":latest");
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
    void theImagesAreDeployedByReleaseTagNeverByAMutableOne() {
        Map<String, Object> kustomization = YamlDocuments.load(BASE.resolve("kustomization.yaml"));
        List<Map<String, Object>> images = maps(kustomization.get("images"));

        assertThat(images).extracting(image -> string(image.get("name")))
                .containsExactlyInAnyOrderElementsOf(RepositoryLayout.SERVICE_MODULES.stream().map(m -> "misty/" + m).toList());
        // A git SHA as deploy/build-images.sh --set-tags writes it, or the placeholder that pulls nothing.
        assertThat(images).allSatisfy(image ->
                assertThat(string(image.get("newTag"))).matches("[0-9a-f]{7,40}|unreleased"));
        for (String overlay : List.of("nas", "cluster")) {
            for (Map<String, Object> deployment : ofKind(render(overlay), "Deployment")) {
                String image = string(at(container(deployment), "image"));
                assertThat(image).as(overlay + " " + image).matches("misty/[a-z-]+:([0-9a-f]{7,40}|unreleased)");
            }
        }
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
        for (String script : List.of("misty-backup.sh", "misty-restore.sh", "misty-backup-check.sh",
                "mongodb-tools-config.sh")) {
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

    @ParameterizedTest
    @ValueSource(strings = {"nas", "cluster"})
    void eachOverlayDeniesByDefaultAndLetsOnlyTheIngressControllerReachTheGateway(String overlay) {
        List<Map<String, Object>> policies = ofKind(render(overlay), "NetworkPolicy");

        assertThat(policies).as(overlay + " default-deny").anySatisfy(policy -> {
            assertThat(asMap(at(policy, "spec", "podSelector"))).isEmpty();
            assertThat(asList(at(policy, "spec", "policyTypes"))).contains("Ingress");
            assertThat(at(policy, "spec", "ingress")).isNull();
        });
        List<Map<String, Object>> toGateway = policies.stream()
                .filter(p -> "gateway".equals(string(at(p, "spec", "podSelector", "matchLabels", "app.kubernetes.io/name"))))
                .toList();
        assertThat(toGateway).as(overlay + " policies selecting the gateway").hasSize(1);
        List<Map<String, Object>> rules = maps(at(toGateway.get(0), "spec", "ingress"));
        assertThat(rules).singleElement().satisfies(rule -> {
            assertThat(maps(rule.get("from"))).singleElement().satisfies(peer -> {
                assertThat(asMap(at(peer, "namespaceSelector", "matchLabels"))).as("the ingress controller's namespace")
                        .containsKey("kubernetes.io/metadata.name");
                assertThat(asMap(at(peer, "podSelector", "matchLabels"))).isNotEmpty();
            });
            assertThat(maps(rule.get("ports"))).extracting(port -> port.get("port")).containsExactly(8080);
        });
        Map<String, Object> mongodb = policies.stream()
                .filter(p -> "mongodb-from-data-services-only".equals(string(at(p, "metadata", "name")))).findFirst().orElseThrow();
        Map<String, Object> gateway = ofKind(render(overlay), "Deployment").stream()
                .filter(d -> "gateway".equals(string(at(d, "metadata", "name")))).findFirst().orElseThrow();
        Map<String, Object> gatewayLabels = asMap(at(gateway, "spec", "template", "metadata", "labels"));
        for (Map<String, Object> peer : maps(at(maps(at(mongodb, "spec", "ingress")).get(0), "from"))) {
            Map<String, Object> selector = asMap(at(peer, "podSelector", "matchLabels"));
            assertThat(gatewayLabels.entrySet().containsAll(selector.entrySet()))
                    .as("the gateway must not match a peer MongoDB accepts: " + selector).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nas", "cluster"})
    void eachOverlayServesTheGatewayOverTls(String overlay) {
        Map<String, Object> ingress = ofKind(render(overlay), "Ingress").get(0);

        assertThat(maps(at(ingress, "spec", "tls"))).singleElement().satisfies(tls -> {
            assertThat(string(tls.get("secretName"))).isNotBlank();
            assertThat(asList(tls.get("hosts"))).contains(at(maps(at(ingress, "spec", "rules")).get(0), "host"));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"nas", "cluster"})
    void everyServiceTalksToKafkaWithSaslAsItsOwnPrincipal(String overlay) {
        List<Map<String, Object>> rendered = render(overlay);
        Map<String, Object> config = ofKind(rendered, "ConfigMap").stream()
                .filter(c -> string(at(c, "metadata", "name")).startsWith("misty-config")).findFirst().orElseThrow();

        assertThat(string(at(config, "data", "KAFKA_SECURITY_PROTOCOL"))).startsWith("SASL_");
        assertThat(string(at(config, "data", "KAFKA_SASL_MECHANISM"))).isEqualTo("SCRAM-SHA-512");
        for (Map<String, Object> deployment : ofKind(rendered, "Deployment")) {
            String name = string(at(deployment, "metadata", "name"));
            assertThat(maps(container(deployment).get("env"))).as(name).anySatisfy(env -> {
                assertThat(env.get("name")).isEqualTo("KAFKA_SASL_JAAS_CONFIG");
                assertThat(string(at(env, "valueFrom", "secretKeyRef", "name"))).isEqualTo(name);
                assertThat(string(at(env, "valueFrom", "secretKeyRef", "key"))).isEqualTo("sasl.jaas.config");
            });
        }
    }

    @Test
    void theStrimziExamplesRequireScramAndGrantEachServiceOnlyItsOwnTopic() {
        for (String file : List.of("strimzi-kafka.yaml", "nas/strimzi-kafka.yaml")) {
            Map<String, Object> kafka = YamlDocuments.loadAll(OPERATORS.resolve(file)).stream()
                    .filter(d -> "Kafka".equals(d.get("kind"))).findFirst().orElseThrow();
            assertThat(maps(at(kafka, "spec", "kafka", "listeners"))).as(file).isNotEmpty().allSatisfy(listener ->
                    assertThat(string(at(listener, "authentication", "type"))).as(file + " " + listener.get("name"))
                            .isEqualTo("scram-sha-512"));
            assertThat(string(at(kafka, "spec", "kafka", "authorization", "type"))).as(file).isEqualTo("simple");
        }
        Map<String, List<String>> ownTopics = Map.of("auth-service", List.of("auth.events"),
                "inventory-service", List.of("inventory.events", "inventory.stock-levels"),
                "payroll-service", List.of("payroll.events"), "order-service", List.of("orders.events"));
        List<Map<String, Object>> users = YamlDocuments.loadAll(OPERATORS.resolve("strimzi-users.yaml")).stream()
                .filter(d -> "KafkaUser".equals(d.get("kind"))).toList();
        assertThat(users).extracting(u -> string(at(u, "metadata", "name")))
                .containsExactlyInAnyOrderElementsOf(RepositoryLayout.SERVICE_MODULES);
        for (Map<String, Object> user : users) {
            String name = string(at(user, "metadata", "name"));
            assertThat(string(at(user, "spec", "authentication", "type"))).isEqualTo("scram-sha-512");
            List<String> written = maps(at(user, "spec", "authorization", "acls")).stream()
                    .filter(acl -> asList(acl.get("operations")).contains("Write"))
                    .map(acl -> string(at(acl, "resource", "name"))).toList();
            if (name.equals("gateway")) {
                assertThat(written).as("the gateway only reads").isEmpty();
            } else {
                assertThat(written).as(name + " writes").containsExactlyElementsOf(ownTopics.get(name));
            }
        }
    }

    @Test
    void everyDataServiceConnectsToMongoDbAsItsOwnUserWithReadWriteOnItsOwnDatabaseOnly() {
        List<String> dataServices = List.of("auth-service", "inventory-service", "payroll-service", "order-service");
        for (Map<String, Object> deployment : ofKind(baseDocuments(), "Deployment")) {
            String name = string(at(deployment, "metadata", "name"));
            List<Map<String, Object>> uri = maps(container(deployment).get("env")).stream()
                    .filter(env -> "QUARKUS_MONGODB_CONNECTION_STRING".equals(env.get("name"))).toList();
            if (!dataServices.contains(name)) {
                assertThat(uri).as(name + " has no MongoDB").isEmpty();
                continue;
            }
            assertThat(uri).as(name).singleElement().satisfies(env ->
                    assertThat(string(at(env, "valueFrom", "secretKeyRef", "name"))).isEqualTo("misty-mongodb-" + name));
        }
        for (String file : List.of("mongodb-community.yaml", "nas/mongodb-community.yaml")) {
            Map<String, Object> mongodb = YamlDocuments.loadAll(OPERATORS.resolve(file)).get(0);
            assertThat(string(at(mongodb, "spec", "security", "authentication", "modes"))).contains("SCRAM");
            Map<String, Map<String, Object>> users = new java.util.HashMap<>();
            maps(at(mongodb, "spec", "users")).forEach(user -> users.put(string(user.get("name")), user));
            assertThat(users).containsKeys("backup", "restore");
            for (String service : dataServices) {
                String database = RepositoryLayout.applicationProperties(service).getProperty("quarkus.mongodb.database").strip();
                assertThat(maps(at(users.get(service), "roles"))).as(file + " " + service).containsExactly(
                        Map.of("name", "readWrite", "db", database));
                assertThat(string(at(users.get(service), "connectionStringSecretName"))).isEqualTo("misty-mongodb-" + service);
            }
        }
    }

    @Test
    void theNasOperatorExamplesPassTheRestrictedPodSecurityStandard() {
        for (String file : List.of("nas/strimzi-kafka.yaml", "nas/mongodb-community.yaml")) {
            List<Map<String, Object>> podContexts = new ArrayList<>();
            List<Map<String, Object>> containerContexts = new ArrayList<>();
            for (Map<String, Object> document : YamlDocuments.loadAll(OPERATORS.resolve(file))) {
                collectSecurityContexts(document, null, podContexts, containerContexts);
            }
            assertThat(podContexts).as(file + " pod security contexts").isNotEmpty().allSatisfy(context -> {
                assertThat(context.get("runAsNonRoot")).isEqualTo(true);
                assertThat(string(at(context, "seccompProfile", "type"))).isEqualTo("RuntimeDefault");
            });
            assertThat(containerContexts).as(file + " container security contexts").isNotEmpty()
                    .allSatisfy(KubernetesManifestsTest::assertRestrictedContainer);
        }
        List<Map<String, Object>> mongodb = YamlDocuments.loadAll(OPERATORS.resolve("nas/mongodb-community.yaml"));
        assertThat(at(mongodb.get(0), "spec", "members")).isEqualTo(1);
        Map<String, Object> pool = YamlDocuments.loadAll(OPERATORS.resolve("nas/strimzi-kafka.yaml")).stream()
                .filter(d -> "KafkaNodePool".equals(d.get("kind"))).findFirst().orElseThrow();
        assertThat(at(pool, "spec", "replicas")).isEqualTo(1);
    }

    /** securityContext maps under "securityContext" keys: of a pod (next to containers) or of a container. */
    private static void collectSecurityContexts(Object node, String parentKey, List<Map<String, Object>> pods,
                                                List<Map<String, Object>> containers) {
        if (node instanceof Map<?, ?> map) {
            for (var entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                if (key.equals("securityContext")) {
                    boolean pod = "pod".equals(parentKey) || map.containsKey("containers");
                    (pod ? pods : containers).add(asMap(entry.getValue()));
                } else {
                    collectSecurityContexts(entry.getValue(), key, pods, containers);
                }
            }
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectSecurityContexts(item, parentKey, pods, containers));
        }
    }

    private static void assertRestrictedContainer(Map<String, Object> context) {
        assertThat(context.get("allowPrivilegeEscalation")).as("allowPrivilegeEscalation").isEqualTo(false);
        assertThat(asList(at(context, "capabilities", "drop"))).as("capabilities.drop").containsExactly("ALL");
        assertThat(context.get("runAsNonRoot")).as("runAsNonRoot").isEqualTo(true);
        assertThat(string(at(context, "seccompProfile", "type"))).as("seccompProfile").isEqualTo("RuntimeDefault");
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
            // The restricted Pod Security Standard, which the overlays' namespace enforces.
            assertRestrictedContainer(asMap(at(container, "securityContext")));
            assertThat(string(at(pod, "securityContext", "seccompProfile", "type"))).as(name).isEqualTo("RuntimeDefault");
            assertThat(at(container, "securityContext", "readOnlyRootFilesystem")).as(name).isEqualTo(true);
            assertThat(string(at(container, "startupProbe", "httpGet", "path"))).as(name).isEqualTo("/q/health/started");
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
